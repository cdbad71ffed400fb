/**
 * Who may do what. Every collection takes its access rules from here, so the rules hold alike
 * for the admin, REST, GraphQL and the Local API (with overrideAccess: false).
 *
 * Roles: the district admin may do everything; centre staff work on the documents of the centres
 * they are linked to; the public reads published content and nothing personal.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['district-admin', 'centre-staff'] as const
export type Role = (typeof ROLES)[number]

type Id = number | string
type StaffUser = { id: Id; roles?: Role[] | null; centres?: unknown[] | null }

function staffUser(req: PayloadRequest): StaffUser | null {
  const user = req.user as StaffUser | null | undefined
  return user && req.user?.collection === 'users' ? user : null
}

export function hasRole(req: PayloadRequest, role: Role): boolean {
  return staffUser(req)?.roles?.includes(role) ?? false
}

export const isDistrictAdmin = (req: PayloadRequest): boolean => hasRole(req, 'district-admin')
export const isCentreStaff = (req: PayloadRequest): boolean =>
  !isDistrictAdmin(req) && hasRole(req, 'centre-staff')

function idOf(value: unknown): Id | undefined {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

/** The ids of the centres a staff member is linked to (populated or not). */
export function centreIdsOf(req: PayloadRequest): Id[] {
  return (staffUser(req)?.centres ?? []).map(idOf).filter((id): id is Id => id !== undefined)
}

/**
 * The centre a new document of centre staff belongs to when they have just one (preset in the
 * create form); with several they choose, and the district always chooses.
 */
export function soleOwnCentre(req: PayloadRequest): Id | undefined {
  if (isDistrictAdmin(req) || !hasRole(req, 'centre-staff')) return undefined
  const ids = centreIdsOf(req)
  return ids.length === 1 ? ids[0] : undefined
}

/** Whether a centre (id or document) is one of the staff member's own. */
export function isOwnCentre(req: PayloadRequest, centre: unknown): boolean {
  const id = idOf(centre)
  return id !== undefined && centreIdsOf(req).some((own) => String(own) === String(id))
}

const published: Where = { _status: { equals: 'published' } }
const nothing: Where = { id: { equals: -1 } }

export const anyone: Access = () => true
export const nobody: Access = () => false
export const districtAdminOnly: Access = ({ req }) => isDistrictAdmin(req)
export const districtAdminField: FieldAccess = ({ req }) => isDistrictAdmin(req)
export const signedIn: Access = ({ req }) => staffUser(req) !== null

/** Documents owned by a centre through `field`: the district sees all, staff their centres'. */
export function ownCentres(field: string): Access {
  return ({ req }) => {
    if (isDistrictAdmin(req)) return true
    if (!hasRole(req, 'centre-staff')) return false
    const ids = centreIdsOf(req)
    return ids.length > 0 ? { [field]: { in: ids } } : nothing
  }
}

/**
 * Reading a centre's drafts-enabled documents: the public gets what is published; staff get their
 * own centres' documents, drafts included (the admin lists only those); the district everything.
 */
export function publishedOrOwnCentres(field: string, publicAlso?: Where): Access {
  const forPublic = publicAlso ? { and: [published, publicAlso] } : published
  return (args) => (staffUser(args.req) ? ownCentres(field)(args) : forPublic)
}

/**
 * Reading the version history of a centre's drafts-enabled documents: under the same rules as
 * their drafts. The district reads all; staff the versions of their own centres' documents (the
 * owning field inside each version, or the document itself for centres); the public none.
 */
export function ownCentreVersions(field: string): Access {
  return ({ req }) => {
    if (isDistrictAdmin(req)) return true
    if (!hasRole(req, 'centre-staff')) return false
    const ids = centreIdsOf(req)
    if (ids.length === 0) return nothing
    return field === 'id' ? { parent: { in: ids } } : { [`version.${field}`]: { in: ids } }
  }
}

/** Drafts-enabled documents that belong to the district (case studies): published, or any for staff. */
export const publishedOrStaff: Access = ({ req }) => (staffUser(req) ? true : published)

/**
 * Creating a document for a centre: allowed for the district, and for staff naming their own centre.
 * The admin also asks before there is a document (to show the "create" button and open the create
 * view): staff linked to a centre may then create, since whatever they save is checked again with
 * its data here and by the owning-centre field, which only ever accepts their own centres.
 */
export function createForOwnCentre(field: string): Access {
  return ({ req, data }) => {
    if (isDistrictAdmin(req)) return true
    if (!hasRole(req, 'centre-staff')) return false
    if (centreIdsOf(req).length === 0) return false
    const value = (data as Record<string, unknown> | undefined)?.[field]
    // No centre named yet (the admin asks with no document, or with only {_status}): the question
    // is whether they may create at all. A save without a centre fails the field's `required`.
    if (value === undefined) return true
    const values = Array.isArray(value) ? value : [value]
    return values.length > 0 && values.every((centre) => isOwnCentre(req, centre))
  }
}

/** The owning-centre field itself: staff may only ever set it to one of their own centres. */
export const ownCentreField: FieldAccess = ({ req, data, siblingData }) => {
  if (isDistrictAdmin(req)) return true
  const value =
    (siblingData as Record<string, unknown> | undefined)?.centre ??
    (data as Record<string, unknown> | undefined)?.centre
  if (value === undefined) return hasRole(req, 'centre-staff')
  const values = Array.isArray(value) ? value : [value]
  return values.every((centre) => isOwnCentre(req, centre))
}

/**
 * Menus of the district's own work (sub-districts, neighbourhoods, staff accounts, case studies,
 * site settings): hidden from centre staff, who may at most read them and would only be lost there.
 */
export const districtMenuOnly = ({ user }: { user: unknown }): boolean =>
  !((user as StaffUser | null)?.roles ?? []).includes('district-admin')

/** Personal data (names, phones, emails): the district and the staff of the owning centre only. */
export const staffOnlyField: FieldAccess = ({ req }) => staffUser(req) !== null
