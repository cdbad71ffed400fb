import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { RateLimiter } from '../rules/rate-limit'
import { ROLES, districtAdminField, districtAdminOnly, isDistrictAdmin } from '../access'

const roleLabels: Record<(typeof ROLES)[number], { zh: string; en: string }> = {
  'district-admin': { zh: '区级管理员', en: 'District admin' },
  'centre-staff': { zh: '中心工作人员', en: 'Centre staff' },
}

/** At most one reset email per address every 15 seconds, whether or not the account exists. */
const resetRequests = new RateLimiter(1, 15_000)
const resetEmailSpacing: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'forgotPassword') return args
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase()
  if (email && !resetRequests.allow('reset', email)) {
    throw new APIError('请求过于频繁，请稍后再试。Too many requests; please wait a moment.', 429, null, true)
  }
  return args
}

/** Staff accounts: district officers and the people who run a centre. Residents have none. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { zh: '工作人员', en: 'Staff user' }, plural: { zh: '工作人员', en: 'Staff users' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'centres'],
    group: { zh: '系统', en: 'System' },
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Payload's own spacing of reset emails writes outside the request's transaction while that
    // transaction holds SQLite's only write lock, so every reset failed as "database is locked".
    // The spacing is kept by resetEmailSpacing below instead.
    forgotPassword: { minRequestInterval: 0 },
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false',
    },
  },
  hooks: { beforeOperation: [resetEmailSpacing] },
  access: {
    // Staff may read and update their own account; only the district manages accounts.
    read: ({ req }) => (isDistrictAdmin(req) ? true : req.user ? { id: { equals: req.user.id } } : false),
    create: districtAdminOnly,
    update: ({ req }) => (isDistrictAdmin(req) ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: districtAdminOnly,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['centre-staff'],
      label: { zh: '角色', en: 'Roles' },
      options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
      access: { create: districtAdminField, update: districtAdminField },
      saveToJWT: true,
    },
    {
      name: 'centres',
      type: 'relationship',
      relationTo: 'centres',
      hasMany: true,
      label: { zh: '所属中心', en: 'Centres' },
      admin: {
        description: { zh: '中心工作人员只能编辑这些中心的内容', en: 'Centre staff edit only these centres' },
      },
      access: { create: districtAdminField, update: districtAdminField },
      saveToJWT: true,
    },
  ],
}
