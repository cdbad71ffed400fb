import type { RelationshipField } from 'payload'

import { ownCentreField } from '../access'

/**
 * The centre a document belongs to. It decides who may edit the document, so centre staff can
 * only ever set it to one of their own centres (ownCentreField).
 */
export function owningCentreField(label = { zh: '所属中心', en: 'Centre' }): RelationshipField {
  return {
    name: 'centre',
    type: 'relationship',
    relationTo: 'centres',
    required: true,
    index: true,
    label,
    access: { create: ownCentreField, update: ownCentreField },
  }
}
