/**
 * Node's flags for a site process in production (scripts/start.ts, the benchmark's uncached
 * process; deploy/systemd/mulin-site@.service spells the same out).
 *
 * Rendering a page makes many short-lived objects; with V8's default 16 MB young generation a
 * site process spent about a sixth of its time collecting them. 32 MB halves how often that
 * happens and, measured with `npm run bench` on the demo data, raised uncached requests/s by
 * 20–40 % for about 50 MB more memory per process.
 */
export const SITE_NODE_FLAGS = ['--max-semi-space-size=32']
