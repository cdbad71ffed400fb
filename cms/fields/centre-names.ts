/**
 * Centres named on a document of several centres (a visit request), for staff who may read only
 * their own: the relationship input, which would show the others as "未命名 - ID: 7", is the
 * district's; staff see the names instead (cms/components/CentreNames.tsx).
 */
import type { Condition, Field } from 'payload'

type Label = { zh: string; en: string }

const isDistrictUser = (user: unknown) =>
  ((user as { roles?: string[] } | null)?.roles ?? []).includes('district-admin')

export const forDistrict: Condition = (_data, _sibling, { user }) => isDistrictUser(user)

export function centreNamesForStaff(of: string, label: Label): Field {
  return {
    name: `${of}Named`,
    type: 'ui',
    admin: {
      condition: (_data, _sibling, { user }) => !isDistrictUser(user),
      components: { Field: { path: '/components/CentreNames#CentreNames', serverProps: { of, label } } },
    },
  }
}
