/**
 * SITE_PROCESSES=2 (scripts/servers/site-cluster.ts, what `npm start` runs for it): two site
 * processes answer on one port, a worker that is killed is replaced while the other keeps
 * serving, and SIGTERM stops them all. Run against the shared test portal's database.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { get } from 'node:http'

import { afterAll, describe, expect, inject, it } from 'vitest'

import { freePort } from './portal'

let cluster: ChildProcess | undefined
let log = ''

afterAll(() => {
  if (cluster?.exitCode === null) cluster.kill('SIGKILL')
})

type Line = { event?: string; pid?: number; route?: string; worker?: number }
const lines = (): Line[] =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
const listening = () =>
  lines()
    .filter((line) => line.event === 'listening')
    .map((line) => line.pid!)

// A site process takes half a minute to start on a busy two-core machine.
async function until(what: string, done: () => boolean, ms = 150_000): Promise<void> {
  for (const deadline = Date.now() + ms; !done();) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A GET on a connection of its own (a kept-alive one would stay with one worker). */
function status(port: number, route: string): Promise<number> {
  return new Promise((resolve, reject) =>
    get({ host: '127.0.0.1', port, path: route, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    }).on('error', reject),
  )
}

/** The processes that answered page requests (by their request log lines), until `wanted` did or 20 tries. */
async function answeringPids(port: number, wanted: number): Promise<Set<number>> {
  const pids = () =>
    new Set(
      lines()
        .filter((line) => line.event === 'request' && line.route === '/robots.txt')
        .map((line) => line.pid!),
    )
  for (let i = 0; i < 20 && pids().size < wanted; i++) {
    expect(await status(port, `/robots.txt?probe=${i}`)).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50)) // its log line
  }
  return pids()
}

describe('several site processes on one port', () => {
  it('serve from two workers, replace a killed one, and all stop on SIGTERM', async () => {
    const port = await freePort()
    cluster = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'scripts/servers/site-cluster.ts'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          MULIN_ROLE: 'site',
          MULIN_ROOT: process.cwd(),
          DATA_DIR: inject('dataDir'),
          SITE_PROCESSES: '2',
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    cluster.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    cluster.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    await until('two workers listening', () => listening().length === 2)
    const [first, second] = listening()

    // Connections are handed to the workers in turn: both answer.
    expect(await answeringPids(port, 2)).toEqual(new Set([first, second]))

    process.kill(first!, 'SIGKILL')
    // The other keeps serving at once; a new worker takes the place of the killed one.
    expect(await status(port, '/health/live')).toBe(200)
    await until('a replacement worker', () => listening().length === 3)
    expect(lines().some((line) => line.event === 'worker-stopped' && line.worker === first)).toBe(true)
    const replacement = listening()[2]!
    log = ''
    expect(await answeringPids(port, 2)).toEqual(new Set([second, replacement]))

    const exited = new Promise<number | null>((resolve) => cluster!.once('exit', resolve))
    cluster.kill('SIGTERM')
    expect(await exited).toBe(0)
    for (const pid of [second!, replacement]) expect(() => process.kill(pid, 0)).toThrow()
  }, 400_000)
})
