import type { CollectionConfig } from 'payload'

import { FORM_ATTEMPTS } from '../rate-limit/form-limiter'

const nobody = () => false

/**
 * The form rate limit's counts (cms/rate-limit/form-limiter.ts): one row per client address and
 * form with the window's start and its attempts. Internal: no one reads or writes it by REST,
 * GraphQL or the admin; only the limiter, past access.
 */
export const FormAttempts: CollectionConfig = {
  slug: FORM_ATTEMPTS,
  labels: {
    singular: { zh: '表单提交计数', en: 'Form attempt count' },
    plural: { zh: '表单提交计数', en: 'Form attempt counts' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  timestamps: false,
  lockDocuments: false,
  fields: [
    // "<form> <client address>"
    { name: 'attemptKey', type: 'text', required: true, unique: true },
    // Milliseconds since 1970: compared in one SQL statement, where a date's text would not do.
    { name: 'windowStart', type: 'number', required: true, index: true },
    { name: 'attempts', type: 'number', required: true },
  ],
}
