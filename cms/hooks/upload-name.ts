/**
 * Uploads are stored under the extension of the image type found in their content
 * (cms/rules/upload-name.ts), whatever name and type the client gave; anything else is refused.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { CollectionBeforeOperationHook, FieldHook, PayloadRequest } from 'payload'

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

/**
 * A file that is not there is 404 (Payload answers a missing file with a server error); a name
 * that would leave the uploads folder is 400. Otherwise Payload serves the file.
 */
export function missingFileIs404(uploadsDir: string) {
  return (_req: PayloadRequest, { params }: { params: { filename: string } }): Response | void => {
    const root = path.resolve(uploadsDir)
    const file = path.resolve(root, params.filename)
    if (!file.startsWith(root + path.sep)) {
      return Response.json({ errors: [{ message: 'Invalid filename.' }] }, { status: 400 })
    }
    if (!existsSync(file)) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
  }
}
