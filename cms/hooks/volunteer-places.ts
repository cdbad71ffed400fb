/**
 * Keeps each project role's `filled` count exactly in step with its volunteers, through the
 * atomic ledger, like seats at an event: the last open place goes to one volunteer only.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { confirmationCode, normaliseMobile } from '../rules/confirmation-code'
import { refusal } from '../rules/refusal'
import { seatLedger } from '../seats/ledger'
import { volunteerKey } from '../signups/project-signups'
import { closedKey } from '../seats/keys'

type Id = number | string
const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

async function projectOf(req: PayloadRequest, id: Id) {
  return req.payload.findByID({
    collection: 'projects',
    id,
    depth: 0,
    overrideAccess: true,
    locale: 'zh',
    req,
  })
}

export const volunteerBeforeChange: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const projectId = idOf(data.project ?? originalDoc?.project)!
  const roleId = (data.roleId ?? originalDoc?.roleId) as string
  const project = await projectOf(req, projectId)
  const role = (project.volunteerRoles ?? []).find((r) => r.id === roleId)
  if (!role) throw refusal({ zh: '这个项目没有这个岗位。', en: 'The project has no such role.' })
  data.centre = idOf(project.centre)
  data.roleName = role.name
  if (typeof data.phone === 'string') data.phone = normaliseMobile(data.phone) ?? data.phone
  const phone = (data.phone ?? originalDoc?.phone) as string | undefined
  if (operation === 'create' && !data.code) data.code = confirmationCode()

  const wasActive = operation === 'update' && originalDoc?.status === 'active'
  const isActive = (data.status ?? originalDoc?.status ?? 'active') === 'active'
  const ledger = seatLedger(req)
  if (isActive && !wasActive) {
    if (!(await ledger.takeRole(projectId, roleId))) {
      throw refusal(
        { zh: `“${role.name}”岗位的名额已经满了。`, en: `The role “${role.name}” is already filled.` },
        409,
      )
    }
  } else if (!isActive && wasActive) {
    await ledger.giveRole(projectId, roleId)
  }
  if (!isActive) data.activeKey = closedKey(`v${originalDoc?.id ?? data.code}`)
  else if (phone && !originalDoc?.anonymisedAt) data.activeKey = volunteerKey(projectId, roleId, phone)
  return data
}

export const volunteerAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc.status === 'active') await seatLedger(req).giveRole(idOf(doc.project)!, doc.roleId)
}

/** A claim belongs to the project's centre; accepting the first one marks an open project claimed. */
export const claimBeforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const project = await projectOf(req, idOf(data.project ?? originalDoc?.project)!)
  data.centre = idOf(project.centre)
  if (typeof data.phone === 'string') data.phone = normaliseMobile(data.phone) ?? data.phone
  return data
}

export const claimAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.status !== 'accepted' || previousDoc?.status === 'accepted') return doc
  const projectId = idOf(doc.project)!
  const project = await projectOf(req, projectId)
  if (project.status === 'open') {
    // Written to the published row only: a draft someone is editing is neither published nor lost.
    await req.payload.db.updateOne({
      collection: 'projects',
      id: projectId,
      data: { status: 'claimed' },
      req,
    })
  }
  return doc
}

type Role = { id?: string | null; filled?: number | null }

/**
 * Saving a project (often from a draft made days ago) rewrites its roles. A `filled` count the
 * editor left as it was takes the live count instead, so volunteers who signed up meanwhile are
 * not lost; a count the editor changed (volunteers found offline) is taken as typed.
 */
export const keepLiveFilledCounts: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !Array.isArray(data.volunteerRoles) || !originalDoc?.id) return data
  const live = await req.payload.db.findOne<{ id: Id; volunteerRoles?: Role[] }>({
    collection: 'projects',
    where: { id: { equals: originalDoc.id } },
    req,
  })
  const byId = (roles: Role[] | undefined | null, id: string | null | undefined) =>
    (roles ?? []).find((role) => role.id && role.id === id)
  for (const role of data.volunteerRoles as Role[]) {
    const before = byId(originalDoc.volunteerRoles, role.id)
    const now = byId(live?.volunteerRoles, role.id)
    if (before && now && (role.filled ?? 0) === (before.filled ?? 0)) role.filled = now.filled ?? 0
  }
  return data
}
