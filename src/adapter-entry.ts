/**
 * The built site's server entry (dist/server/entry.mjs), in place of @astrojs/node's own
 * (astro.config.mjs keeps the rest of that adapter: its build, its options, its image service).
 *
 * It does what the adapter's middleware mode does for the site's server (scripts/servers/site.ts),
 * which answers the built files itself: a request becomes a page rendered by Astro's NodeApp, or
 * the site's 404 page. The one difference is the reason it exists. The adapter runs each render
 * inside an AsyncLocalStorage, only to name the page in its log line about an unhandled
 * rejection. In Node 20 any use of AsyncLocalStorage turns on promise hooks for the whole
 * process, and a render makes thousands of promises: that cost every page 5–12% of its time and
 * an eighth of what it allocates. The log line here says "while rendering a page" instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { SSRManifest } from 'astro'
import { applyPolyfills, NodeApp } from 'astro/app/node'
import { setGetEnv } from 'astro/env/setup'

applyPolyfills()
setGetEnv((key) => process.env[key])

type Options = { experimentalDisableStreaming?: boolean }

/** No page here is prerendered: an error page is always rendered, never fetched from disk. */
const noPrerenderedPage = () => Promise.resolve(new Response(null, { status: 404 }))

export function createExports(manifest: SSRManifest, options: Options) {
  const app = new NodeApp(manifest, !options.experimentalDisableStreaming)
  const logger = app.getAdapterLogger()
  process.on('unhandledRejection', (reason) => {
    logger.error('Unhandled rejection while rendering a page')
    console.error(reason)
  })

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const request = NodeApp.createRequest(req, { allowedDomains: app.getAllowedDomains?.() ?? [] })
      // Without a route of its own, Astro renders the site's 404 page for it.
      const response = await app.render(request, {
        addCookieHeader: true,
        routeData: app.match(request, true),
        prerenderedErrorPageFetch: noPrerenderedPage,
      })
      await NodeApp.writeResponse(response, res)
    } catch (error) {
      logger.error(`Could not render ${req.url}`)
      console.error(error)
      if (!res.headersSent) {
        res.writeHead(500, 'Server error')
        res.end()
      }
    }
  }

  return { options, handler }
}
