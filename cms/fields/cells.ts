/**
 * List cells the admin uses for relationship columns (cms/components/RelationTitleCell.tsx): the
 * related title rendered with the page, instead of Payload's scroll-triggered loading.
 */
export const titleCell = { components: { Cell: '/components/RelationTitleCell#RelationTitleCell' } }

/** An event column showing the session's date and time after its title. */
export const eventSessionCell = { components: { Cell: '/components/RelationTitleCell#EventSessionCell' } }
