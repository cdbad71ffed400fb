/**
 * Who may do what. Every collection takes its access rules from here, so the rules hold alike
 * for the admin, REST, GraphQL and the Local API (with overrideAccess: false).
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['district-admin', 'centre-staff'] as const
export type Role = (typeof ROLES)[number]

type StaffUser = { id: number | string; roles?: Role[] | null; centres?: unknown[] | null }

function staffUser(req: PayloadRequest): StaffUser | null {
  const user = req.user as StaffUser | null | undefined
  return user && req.user?.collection === 'users' ? user : null
}

export function hasRole(req: PayloadRequest, role: Role): boolean {
  return staffUser(req)?.roles?.includes(role) ?? false
}

export const isDistrictAdmin = (req: PayloadRequest): boolean => hasRole(req, 'district-admin')

/** The ids of the centres a staff member is linked to (populated or not). */
export function centreIdsOf(req: PayloadRequest): Array<number | string> {
  const centres = staffUser(req)?.centres ?? []
  return centres
    .map((centre) =>
      typeof centre === 'object' && centre !== null ? (centre as { id: number | string }).id : centre,
    )
    .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
}

export const anyone: Access = () => true
export const nobody: Access = () => false
export const districtAdminOnly: Access = ({ req }) => isDistrictAdmin(req)
export const signedIn: Access = ({ req }) => staffUser(req) !== null

/** Published documents for the public; everything for staff. */
export const publishedOrStaff: Access = ({ req }) => {
  if (staffUser(req)) return true
  return { _status: { equals: 'published' } } satisfies Where
}

/**
 * Documents that belong to a centre, through the field `centreField`: the district sees all,
 * centre staff only their own centres'.
 */
export function ownCentres(centreField: string): Access {
  return ({ req }) => {
    if (isDistrictAdmin(req)) return true
    if (!hasRole(req, 'centre-staff')) return false
    const ids = centreIdsOf(req)
    if (ids.length === 0) return false
    return { [centreField]: { in: ids } } satisfies Where
  }
}

export const districtAdminField: FieldAccess = ({ req }) => isDistrictAdmin(req)
