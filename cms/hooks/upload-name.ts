/**
 * Uploads are stored under the extension of the image type found in their content
 * (cms/rules/upload-name.ts), whatever name and type the client gave; anything else is refused.
 */
import type { CollectionBeforeOperationHook, FieldHook } from 'payload'

import { refusal } from '../rules/refusal'
import { detectImageType, NOT_AN_IMAGE, storedName } from '../rules/upload-name'

export const nameUploadByContent: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const file = req.file
  const type = file.data ? detectImageType(file.data) : undefined
  if (!type) throw refusal(NOT_AN_IMAGE, 415)
  req.file = { ...file, name: storedName(file.name, type), mimetype: type }
  return args
}

/** `uploadedBy` is the server's to set: whoever created the document, never what was sent. */
export const uploadedByServer: FieldHook = ({ operation, originalDoc, req }) => {
  if (operation === 'create') return req.user?.collection === 'users' ? req.user.id : null
  const previous = (originalDoc as { uploadedBy?: unknown } | undefined)?.uploadedBy
  return typeof previous === 'object' && previous !== null
    ? (previous as { id: unknown }).id
    : (previous ?? null)
}
