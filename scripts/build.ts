/** `npm run build`: builds the CMS admin and the site, whether or not they look up to date. */
import { buildAsNeeded } from './lib/build'
import { fail } from './lib/log'

try {
  buildAsNeeded(!process.argv.includes('--if-needed'))
} catch (error) {
  fail((error as Error).message)
}
