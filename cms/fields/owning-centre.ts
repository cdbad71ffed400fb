import type { RelationshipField } from 'payload'

import { centreIdsOf, hasRole, isDistrictAdmin, ownCentreField, soleOwnCentre } from '../access'
import { titleCell } from './cells'

/**
 * The centre a document belongs to. It decides who may edit the document, so centre staff can
 * only ever set it to one of their own centres (ownCentreField); the form presets their centre when
 * they have one and offers only theirs when they have several.
 */
export function owningCentreField(label = { zh: '所属中心', en: 'Centre' }): RelationshipField {
  return {
    name: 'centre',
    type: 'relationship',
    relationTo: 'centres',
    required: true,
    index: true,
    label,
    admin: titleCell,
    access: { create: ownCentreField, update: ownCentreField },
    defaultValue: ({ req }) => soleOwnCentre(req),
    // Staff choose among their own centres; the seed and the district (no filter) among all.
    filterOptions: ({ req }) =>
      !isDistrictAdmin(req) && hasRole(req, 'centre-staff') ? { id: { in: centreIdsOf(req) } } : true,
  }
}
