import { withPayload } from '@payloadcms/next/withPayload'

/** The admin and REST API of the CMS. `cms/` is the Next project so `src/` stays Astro's. */
const nextConfig = {
  // `npm test` runs tsc and ESLint over the whole project; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Payload tells its errors apart by class name (APIError, ValidationError…); minified server
  // code loses those names, and every refusal would reach staff as "An unknown error occurred".
  experimental: { serverMinification: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
