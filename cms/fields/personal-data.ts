import type { DateField, RelationshipField } from 'payload'
import { titleCell } from './cells'
import { ADMIN_DATE_FORMAT } from '../rules/shanghai-time'

/**
 * The fields every record of personal data shares (sign-ups, volunteers, claim offers): the
 * centre it belongs to, always taken from what it is attached to so staff access cannot be
 * sidestepped, and when its names and numbers were wiped (cms/jobs/anonymise-personal-data.ts).
 */
export function centreFromParentField(parent: { zh: string; en: string }): RelationshipField {
  return {
    name: 'centre',
    type: 'relationship',
    relationTo: 'centres',
    index: true,
    label: { zh: '中心', en: 'Centre' },
    admin: { ...titleCell, readOnly: true, position: 'sidebar', description: parent },
  }
}

export function anonymisedAtField(): DateField {
  return {
    name: 'anonymisedAt',
    type: 'date',
    label: { zh: '匿名化时间', en: 'Anonymised' },
    admin: {
      readOnly: true,
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT },
    },
  }
}
