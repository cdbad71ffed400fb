/**
 * The sign-up machinery for projects: a resident volunteering for an open role, an organisation
 * offering to claim a project (双向认领). Same validation, spam and personal-data rules as event
 * sign-ups; the role's "filled" count goes through the same atomic ledger as seats.
 */
import type { Payload } from 'payload'

import { checkSignup, matchesLastFour, type SignupErrors } from '../rules/signup'
import { normaliseMobile } from '../rules/confirmation-code'
import { BLOCKED_MESSAGE } from '../rules/lookup-attempts'
import { acceptsClaims, acceptsVolunteers, mayWithdrawVolunteer } from '../rules/projects'
import { refusalMessage } from '../rules/refusal'
import type { Project, Volunteer } from '../payload-types'
import { cleanCode, type Outcome } from './event-signups'
import { checkDigits } from './wrong-digits'

type Id = number | string
type Message = { zh: string; en: string }

const NO_PROJECT: Message = { zh: '没有找到这个项目。', en: 'No such project.' }

export const volunteerKey = (projectId: Id, roleId: string, phone: string) =>
  `${projectId}:${roleId}:${phone}`

async function publishedProject(payload: Payload, id: Id): Promise<Project | undefined> {
  const project = await payload
    .findByID({ collection: 'projects', id, depth: 0, overrideAccess: true, locale: 'zh' })
    .catch(() => undefined)
  return project && project._status === 'published' ? project : undefined
}

export type VolunteerView = { code: string; roleName: string; created: boolean }

export async function volunteer(
  payload: Payload,
  projectId: Id,
  input: { roleId: string; name?: unknown; phone?: unknown; consent?: unknown },
): Promise<Outcome<VolunteerView>> {
  const project = await publishedProject(payload, projectId)
  if (!project) return { ok: false, status: 404, message: NO_PROJECT }
  const role = (project.volunteerRoles ?? []).find((r) => r.id === input.roleId)
  const checked = checkSignup(
    { name: input.name, phone: input.phone, partySize: 1, consent: input.consent },
    1,
  )
  const errors: SignupErrors & { roleId?: Message } = checked.ok ? {} : { ...checked.errors }
  delete errors.partySize
  if (!role) errors.roleId = { zh: '请选择一个岗位。', en: 'Please choose a role.' }
  if (Object.keys(errors).length > 0 || !checked.ok || !role) {
    return {
      ok: false,
      status: 400,
      message: { zh: '报名信息需要修改，请看下面的提示。', en: 'Please correct the marked fields.' },
      errors,
    }
  }
  if (!acceptsVolunteers(project)) {
    return { ok: false, status: 409, message: { zh: '这个项目已经结束。', en: 'This project has finished.' } }
  }
  const key = volunteerKey(project.id, role.id!, checked.value.phone)
  const earlier = await findVolunteer(payload, key)
  if (earlier) return { ok: true, value: { code: earlier.code!, roleName: role.name, created: false } }
  try {
    const created = await payload.create({
      collection: 'volunteers',
      data: {
        project: project.id,
        roleId: role.id!,
        name: checked.value.name,
        phone: checked.value.phone,
        consent: true,
        status: 'active',
      },
      overrideAccess: true,
      depth: 0,
    })
    return { ok: true, value: { code: created.code!, roleName: role.name, created: true } }
  } catch (error) {
    const winner = await findVolunteer(payload, key)
    if (winner) return { ok: true, value: { code: winner.code!, roleName: role.name, created: false } }
    const zh = refusalMessage(error, 'zh')
    if (zh)
      return {
        ok: false,
        status: zh.status,
        message: { zh: zh.message, en: refusalMessage(error, 'en')!.message },
      }
    throw error
  }
}

async function findVolunteer(payload: Payload, activeKey: string) {
  const { docs } = await payload.find({
    collection: 'volunteers',
    where: { activeKey: { equals: activeKey } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/** What a volunteer may see of their own sign-up: never the name or the number. */
export type VolunteerSignupView = {
  code: string
  status: 'active' | 'cancelled'
  roleName: string
  project: { id: Id; slug: string; title: string }
  /** Whether the volunteer may still withdraw online (cms/rules/projects.ts). */
  mayWithdraw: boolean
}

const NO_VOLUNTEER: Message = {
  zh: '没有找到这个报名。请核对确认码和手机号码后四位。',
  en: 'No sign-up matches that code and those digits.',
}

async function volunteerByCode(payload: Payload, code: string): Promise<Volunteer | undefined> {
  const clean = cleanCode(code)
  if (!clean) return undefined
  const { docs } = await payload.find({
    collection: 'volunteers',
    where: { code: { equals: clean } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] && !docs[0].anonymisedAt ? docs[0] : undefined
}

/** Whether a code belongs to a volunteer (codes of event sign-ups and volunteers look alike). */
export async function isVolunteerCode(payload: Payload, code: string): Promise<boolean> {
  return (await volunteerByCode(payload, code)) !== undefined
}

async function volunteerView(payload: Payload, doc: Volunteer): Promise<VolunteerSignupView> {
  const projectId = typeof doc.project === 'object' ? doc.project.id : doc.project
  const project = await payload.findByID({
    collection: 'projects',
    id: projectId,
    depth: 0,
    overrideAccess: true,
    locale: 'zh',
  })
  return {
    code: doc.code!,
    status: doc.status,
    roleName: doc.roleName ?? '',
    project: { id: project.id, slug: project.slug, title: project.title },
    mayWithdraw: mayWithdrawVolunteer(doc, project),
  }
}

/**
 * A volunteer's own sign-up, by its code and the last four digits of the phone number: the same
 * look-up, with the same count of wrong digits, as an event sign-up.
 */
export async function lookUpVolunteer(
  payload: Payload,
  code: string,
  digits: string,
): Promise<Outcome<VolunteerSignupView>> {
  const doc = await volunteerByCode(payload, code)
  if (!doc) return { ok: false, status: 404, message: NO_VOLUNTEER }
  const verdict = await checkDigits(payload, doc.code ?? `v${doc.id}`, () =>
    matchesLastFour(doc.phone, digits),
  )
  if (verdict === 'blocked') return { ok: false, status: 423, message: BLOCKED_MESSAGE }
  if (verdict === 'wrong') return { ok: false, status: 404, message: NO_VOLUNTEER }
  return { ok: true, value: await volunteerView(payload, doc) }
}

/**
 * Withdraws a volunteer at their own request; the place goes back to the role (the collection's
 * hook gives it back through the seat ledger). Withdrawing twice is not an error.
 */
export async function withdrawVolunteer(
  payload: Payload,
  code: string,
  digits: string,
): Promise<Outcome<VolunteerSignupView>> {
  const found = await lookUpVolunteer(payload, code, digits)
  if (!found.ok || found.value.status === 'cancelled') return found
  if (!found.value.mayWithdraw) {
    return {
      ok: false,
      status: 409,
      message: {
        zh: '这个项目已经结束，不需要取消。',
        en: 'This project has finished; there is nothing to withdraw from.',
      },
    }
  }
  const doc = (await volunteerByCode(payload, code))!
  try {
    const updated = await payload.update({
      collection: 'volunteers',
      id: doc.id,
      data: { status: 'cancelled' },
      depth: 0,
      overrideAccess: true,
    })
    return { ok: true, value: await volunteerView(payload, updated) }
  } catch (error) {
    const zh = refusalMessage(error, 'zh')
    if (!zh) throw error
    return {
      ok: false,
      status: zh.status,
      message: { zh: zh.message, en: refusalMessage(error, 'en')!.message },
    }
  }
}

export type ClaimInput = {
  organisation?: unknown
  contactName?: unknown
  phone?: unknown
  offer?: unknown
  consent?: unknown
}
type ClaimErrors = Partial<Record<'organisation' | 'contactName' | 'phone' | 'offer' | 'consent', Message>>

export function checkClaim(input: ClaimInput) {
  const errors: ClaimErrors = {}
  const clean = (value: unknown) => (typeof value === 'string' ? value.trim().replace(/[ \t]+/g, ' ') : '')
  const organisation = clean(input.organisation)
  const contactName = clean(input.contactName)
  const offer = clean(input.offer)
  const phone = typeof input.phone === 'string' ? normaliseMobile(input.phone) : null
  if (!organisation) errors.organisation = { zh: '请填写组织名称。', en: 'Please enter the organisation.' }
  else if (organisation.length > 80)
    errors.organisation = { zh: '组织名称最多 80 个字。', en: 'At most 80 characters.' }
  if (!contactName) errors.contactName = { zh: '请填写联系人姓名。', en: 'Please enter a contact name.' }
  else if (contactName.length > 40)
    errors.contactName = { zh: '联系人姓名最多 40 个字。', en: 'At most 40 characters.' }
  if (!phone) {
    errors.phone = {
      zh: '请填写联系人的 11 位手机号码。',
      en: 'Enter the contact’s 11-digit mainland mobile number.',
    }
  }
  if (!offer) errors.offer = { zh: '请简单说说能提供什么。', en: 'Please say briefly what you offer.' }
  else if (offer.length > 500) errors.offer = { zh: '最多 500 个字。', en: 'At most 500 characters.' }
  const consent = input.consent === true || input.consent === 'on' || input.consent === 'true'
  if (!consent)
    errors.consent = { zh: '请阅读并勾选同意隐私说明。', en: 'Please read and accept the privacy notice.' }
  return Object.keys(errors).length > 0
    ? ({ ok: false, errors } as const)
    : ({ ok: true, value: { organisation, contactName, phone: phone!, offer } } as const)
}

export async function offerClaim(
  payload: Payload,
  projectId: Id,
  input: ClaimInput,
): Promise<Outcome<{ received: true }>> {
  const project = await publishedProject(payload, projectId)
  if (!project) return { ok: false, status: 404, message: NO_PROJECT }
  const checked = checkClaim(input)
  if (!checked.ok) {
    return {
      ok: false,
      status: 400,
      message: { zh: '认领信息需要修改，请看下面的提示。', en: 'Please correct the marked fields.' },
      errors: checked.errors as SignupErrors,
    }
  }
  if (!acceptsClaims(project)) {
    return {
      ok: false,
      status: 409,
      message: {
        zh: '这个项目已经有认领方或已经完成，不再接受认领。',
        en: 'This project is no longer open for claiming.',
      },
    }
  }
  await payload.create({
    collection: 'project-claims',
    data: { project: project.id, ...checked.value, status: 'offered' },
    overrideAccess: true,
    depth: 0,
  })
  return { ok: true, value: { received: true } }
}
