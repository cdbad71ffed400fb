/**
 * Figures the home page states as facts, counted from the data each time (not typed into the
 * settings), so they agree with the directory, the libraries and /figures.
 */
import { keptUntilDocumentsChange } from './content/memo'
import { cms } from './cms'
import { CONVENTIONS_IN_FORCE } from './content/civic'

/** Published conventions in force (adopted or revised): the ones the library and booklet show. */
export const countConventionsInForce = keptUntilDocumentsChange(async (): Promise<number> => {
  const payload = await cms()
  const { totalDocs } = await payload.count({
    collection: 'conventions',
    where: { status: { in: [...CONVENTIONS_IN_FORCE] } },
    overrideAccess: false,
  })
  return totalDocs
})
