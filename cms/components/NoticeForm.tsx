'use client'
/**
 * Staff write a short notice to everyone signed up for an event ("请带老花镜", "改在二楼"): one
 * message each through the outbox, so quiet hours and the "stop" of each resident still hold.
 */
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { NOTICE_MAX_LENGTH } from '../rules/messages'

type Props = { eventId: string; lang: 'zh' | 'en' }

export function NoticeForm({ eventId, lang }: Props) {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  const router = useRouter()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  // Not a <form>: this sits inside the admin's own edit form, and forms cannot nest.
  async function submit() {
    setBusy(true)
    try {
      const response = await fetch(`/api/events/${eventId}/notice`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      })
      const body = (await response.json().catch(() => ({}))) as { queued?: number; zh?: string; en?: string }
      if (response.ok) {
        setMessage({
          ok: true,
          text: t(`已排入发送：${body.queued} 条短信。`, `Queued: ${body.queued} messages.`),
        })
        setText('')
        router.refresh()
      } else {
        setMessage({ ok: false, text: (lang === 'en' ? body.en : body.zh) ?? t('没有发出。', 'Not sent.') })
      }
    } catch {
      setMessage({
        ok: false,
        text: t('网络出错，没有发出，请再试一次。', 'Network error; nothing was sent.'),
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="mulin-notice">
      <summary>{t('给已报名的居民发通知', 'Send a notice to everyone signed up')}</summary>
      <label className="mulin-notice__field">
        {t(
          `通知内容（${NOTICE_MAX_LENGTH} 字以内，会自动加上中心名称和电话）`,
          `Notice (up to ${NOTICE_MAX_LENGTH} characters; the centre's name and phone are added)`,
        )}
        <textarea
          value={text}
          maxLength={NOTICE_MAX_LENGTH}
          rows={2}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button
        className="btn btn--style-primary btn--size-small"
        type="button"
        disabled={busy || text.trim().length === 0}
        onClick={submit}
      >
        {t('发送通知', 'Send notice')}
      </button>
      {message && (
        <p role="status" className={message.ok ? 'mulin-ok' : 'mulin-error'}>
          {message.text}
        </p>
      )}
      <style>{`
        .mulin-notice { margin: 0 0 1rem; }
        .mulin-notice summary { cursor: pointer; font-weight: 600; padding: 0.5rem 0; }
        .mulin-notice__field { display: grid; gap: 0.25rem; margin-bottom: 0.5rem; }
        .mulin-notice textarea { width: 100%; padding: 0.5rem; font: inherit; }
        .mulin-ok { color: #1e6b33; font-weight: 700; }
        .mulin-error { color: #a3140f; font-weight: 700; }
      `}</style>
    </details>
  )
}
