import { defineMiddleware } from 'astro:middleware'

import { isEnglishPath } from '@cms/rules/request-path'

/**
 * Registered as Astro middleware from astro.config.mjs, before every page. The site's pages take
 * posts of their own forms only: a body of another type (JSON, text) gets 415, and a form body
 * that cannot be read 400, each with a plain message in the page's language, instead of the
 * page failing with a 500.
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i

const MESSAGES = {
  type: {
    zh: '这个页面只接受网页表单提交的内容。',
    en: 'This page accepts only what its own form sends.',
  },
  unreadable: {
    zh: '提交的表单内容无法读取，请回到页面重新填写。',
    en: 'The form could not be read; please go back and fill it in again.',
  },
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export const onRequest = defineMiddleware(async (context, next) => {
  const { request } = context
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return next()
  const lang = isEnglishPath(context.url.pathname) ? 'en' : 'zh'
  if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) return plain(415, MESSAGES.type[lang])
  try {
    await request.clone().formData()
  } catch {
    return plain(400, MESSAGES.unreadable[lang])
  }
  return next()
})
