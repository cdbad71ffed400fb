import { spawn } from 'node:child_process'

import { describe, expect, it } from 'vitest'

/** Runs `npm start`'s script with the given environment and collects what it says. */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const began = Date.now()
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const guard = setTimeout(() => child.kill('SIGKILL'), 40_000)
    child.on('exit', (code) => {
      clearTimeout(guard)
      resolve({ code, output, seconds: (Date.now() - began) / 1000 })
    })
  })
}

describe('npm start refuses bad settings with one clear sentence', () => {
  it('fails fast when MongoDB is unreachable', async () => {
    const result = await start({ DATABASE_URL: 'mongodb://127.0.0.1:1/x' })
    expect(result.code).toBe(1)
    expect(result.seconds).toBeLessThan(20)
    expect(result.output).toContain('MongoDB is unreachable at 127.0.0.1:1')
    expect(result.output).not.toMatch(/^\s+at /m) // no stack trace
  })

  it('asks for PAYLOAD_SECRET in production on MongoDB before trying to connect', async () => {
    const result = await start({
      DATABASE_URL: 'mongodb://127.0.0.1:1/x',
      NODE_ENV: 'production',
      PAYLOAD_SECRET: '',
    })
    expect(result.code).toBe(1)
    expect(result.output).toContain('PAYLOAD_SECRET is not set')
    expect(result.output).not.toMatch(/^\s+at /m)
  })

  it('names the problem with an unknown DATABASE_URL', async () => {
    const result = await start({ DATABASE_URL: 'mysql://localhost/x' })
    expect(result.code).toBe(1)
    expect(result.output).toContain('DATABASE_URL must start with mongodb://')
  })

  it('names the problem with a bad port', async () => {
    const result = await start({ CMS_PORT: 'eighty' })
    expect(result.code).toBe(1)
    expect(result.output).toContain('CMS_PORT must be a port number')
  })
})
