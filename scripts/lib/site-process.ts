/**
 * How a site process is run in production (scripts/start.ts, the benchmark's uncached process;
 * deploy/systemd/mulin-site@.service spells the same out).
 *
 * The server is the built one (dist/servers/, scripts/lib/build.ts): plain JavaScript, so Node
 * runs it without tsx and its imports never wait on a loader thread.
 *
 * Rendering a page makes many short-lived objects; with V8's default 16 MB young generation a
 * site process spent about a sixth of its time collecting them. 32 MB halves how often that
 * happens and, measured with `npm run bench` on the demo data, raised uncached requests/s by
 * 20–40 % for about 50 MB more memory per process.
 */
const SITE_NODE_FLAGS = ['--max-semi-space-size=32']

/** Node's arguments for the site: one process, or a cluster of `processes` on one port. */
export function siteProcessArgs(processes = 1): string[] {
  const server = processes > 1 ? 'dist/servers/site-cluster.mjs' : 'dist/servers/site.mjs'
  return ['--conditions=production', ...SITE_NODE_FLAGS, server]
}
