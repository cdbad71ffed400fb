/**
 * Debian's nginx running deploy/nginx.conf as shipped in front of a portal, with only the host
 * name, ports, certificate and cache paths swapped for test ones: for the proxy's own tests
 * (nginx.e2e.ts) and for a portal that trusts it (operations.e2e.ts).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import path from 'node:path'

import { NGINX, standaloneNginxConfig } from '../../scripts/lib/nginx'
import { freePort, tempDir } from './portal'

export type ProxyAnswer = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type Proxy = {
  httpPort: number
  httpsPort: number
  /** A request over HTTPS to the proxy, from `from` (a loopback address) when given. */
  send: (
    method: string,
    route: string,
    headers?: Record<string, string>,
    body?: string,
    from?: string,
  ) => Promise<ProxyAnswer>
  stop: () => void
}

function render(
  conf: string,
  ports: { http: number; https: number; site: string; cms: string },
  dir: string,
) {
  return conf
    .replace(/listen \[::\]:\d+[^;]*;\n/g, '') // the test machine may have no IPv6
    .replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replaceAll('mulin.example.cn', 'localhost')
    .replaceAll('127.0.0.1:4321', `localhost:${ports.site}`)
    .replaceAll('127.0.0.1:3000', `127.0.0.1:${ports.cms}`)
    .replaceAll('/etc/ssl/mulin/fullchain.pem', path.join(dir, 'cert.pem'))
    .replaceAll('/etc/ssl/mulin/privkey.pem', path.join(dir, 'key.pem'))
    .replaceAll('/var/cache/nginx/mulin', path.join(dir, 'cache'))
}

/**
 * Starts nginx in front of the portal at `siteUrl` and `cmsUrl`. `bind` is the address the proxy
 * connects to the portal from (a portal that trusts no proxy counts its rate limit per that one).
 */
export async function startNginx(siteUrl: string, cmsUrl: string, bind = '127.0.0.1'): Promise<Proxy> {
  if (!NGINX)
    throw new Error("nginx is missing: install Debian's with  apt-get install -y nginx  (.ci/run does)")
  const dir = tempDir('nginx')
  const [https, http] = [await freePort(), await freePort()]
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  )
  const certificate = readFileSync(path.join(dir, 'cert.pem'), 'utf8')
  mkdirSync(path.join(dir, 'cache'))
  const ports = { http, https, site: new URL(siteUrl).port, cms: new URL(cmsUrl).port }
  writeFileSync(path.join(dir, 'mulin.conf'), render(readFileSync('deploy/nginx.conf', 'utf8'), ports, dir))
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    standaloneNginxConfig({
      dir,
      accessLog: true,
      http: `  proxy_bind ${bind};\n  include ${dir}/mulin.conf;`,
    }),
  )
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')]
  execFileSync(NGINX, ['-t', ...args], { stdio: 'pipe' }) // the shipped file is valid nginx
  const nginx: ChildProcess = spawn(NGINX, args, { stdio: 'ignore' })

  const send: Proxy['send'] = (method, route, headers = {}, body, from) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: 'localhost',
          port: https,
          method,
          path: route,
          headers,
          ca: certificate,
          servername: 'localhost',
          ...(from ? { localAddress: from, family: 4, agent: false } : {}),
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  for (let i = 0; i < 50; i++) {
    if (
      await send('GET', '/health/live').then(
        (a) => a.status === 200,
        () => false,
      )
    )
      return { httpPort: http, httpsPort: https, send, stop: () => nginx.kill('SIGTERM') }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  nginx.kill('SIGKILL')
  throw new Error(`nginx did not answer:\n${readFileSync(path.join(dir, 'error.log'), 'utf8')}`)
}
