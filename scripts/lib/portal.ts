/**
 * A portal of its own, started the way a user starts it (scripts/start.ts) on a data folder and
 * free ports: for the benchmark, and for tests that hold its database, crash it or restart it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Ports this process has handed out: the system may offer a just-closed port again. */
const handedOut = new Set<number>()

/**
 * A TCP port nobody listens on at this moment, and never one this process already handed out:
 * asked twice in a row (a site and a CMS port), the system may offer the same port twice, since
 * the first is closed again before the second is asked for.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyFreePort()
    if (handedOut.has(port)) continue
    handedOut.add(port)
    return port
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export type StartedPortal = {
  dataDir: string
  sitePort: number
  cmsPort: number
  child: ChildProcess
  /** Everything printed since this start. */
  log: () => string
  /** Stops the whole portal at once (SIGKILL to every process of it). */
  kill: () => Promise<void>
}

export async function startPortal(
  options: { dataDir?: string; env?: Record<string, string>; readyWithinMs?: number } = {},
): Promise<StartedPortal> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'mulin-own-'))
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const logFile = path.join(dataDir, 'portal.log')
  let log = ''
  const logStream = createWriteStream(logFile, { flags: 'a' })
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(sitePort),
        CMS_PORT: String(cmsPort),
        DATABASE_URL: '',
        PAYLOAD_SECRET: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`portal did not become ready:\n${log}`)),
      options.readyWithinMs ?? 240_000,
    )
    let ready = false
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      logStream.write(chunk)
      // Asked only until it is true: `includes` flattens the whole log, and a crowd's sign-ups
      // log thousands of lines, each copy of the log costing this process (and so the portal
      // sharing its cores) more than the last.
      if (!ready && log.includes('ready (production)')) {
        ready = true
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`portal exited (${code}) before it was ready:\n${log}`))
    })
  })
  return {
    dataDir,
    sitePort,
    cmsPort,
    child,
    log: () => log,
    kill: async () => {
      if (!child.pid) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    },
  }
}
