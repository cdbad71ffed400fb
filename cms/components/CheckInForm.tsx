'use client'
import { type FormEvent, useRef, useState } from 'react'

import { codeFromScan } from './qr-scan'
import { QrScanner } from './QrScanner'

type Result = { ok: boolean; headline: string; detail?: string }

/**
 * The code field, the camera scanner and the answer, large enough to read at arm's length. A
 * scanned code goes through the same check-in as a typed one.
 */
export function CheckInForm({ lang }: { lang: 'zh' | 'en' }) {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  const input = useRef<HTMLInputElement>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [busy, setBusy] = useState(false)
  const checking = useRef(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await checkIn(input.current?.value.trim() ?? '')
  }

  async function scanned(text: string) {
    const code = codeFromScan(text)
    if (input.current) input.current.value = code
    await checkIn(code, { keepFocus: false })
  }

  async function checkIn(code: string, { keepFocus = true } = {}) {
    // One at a time: a code scanned while the last answer is on its way waits for the next frame.
    if (!code || checking.current) return
    checking.current = true
    setBusy(true)
    try {
      const response = await fetch('/api/registrations/check-in', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      })
      const body = (await response.json()) as {
        code?: string
        partySize?: number
        alreadyCheckedIn?: boolean
        eventTitle?: string
        when?: string
        maskedName?: string
        zh?: string
        en?: string
      }
      if (response.ok) {
        // Who, how many and which session, so a volunteer notices a code that is not this one.
        const who = body.maskedName ? t(`（${body.maskedName}）`, ` (${body.maskedName})`) : ''
        setResult({
          ok: true,
          headline: body.alreadyCheckedIn
            ? t(`${body.code} 已经签到过了${who}`, `${body.code} was already checked in${who}`)
            : t(
                `${body.code} 签到成功：${body.partySize} 人${who}`,
                `${body.code} checked in: party of ${body.partySize}${who}`,
              ),
          detail: [body.eventTitle, body.when].filter(Boolean).join(' · '),
        })
        if (input.current) input.current.value = ''
      } else {
        setResult({
          ok: false,
          headline: (lang === 'en' ? body.en : body.zh) ?? t('签到失败', 'Check-in failed'),
        })
      }
    } finally {
      checking.current = false
      setBusy(false)
      // After a scan the phone's keyboard would cover the camera: focus only after typing.
      if (keepFocus) input.current?.focus()
    }
  }

  return (
    <div className="mulin-checkin">
      <form onSubmit={submit}>
        <label htmlFor="checkin-code">{t('确认码', 'Confirmation code')}</label>
        <input
          id="checkin-code"
          ref={input}
          autoComplete="off"
          autoCapitalize="characters"
          autoFocus
          spellCheck={false}
          placeholder="K7M4QX"
        />
        <button type="submit" className="btn btn--style-primary" disabled={busy}>
          {t('签到', 'Check in')}
        </button>
      </form>
      <QrScanner lang={lang} onCode={scanned} />
      {result && (
        <div role="status" className={result.ok ? 'mulin-checkin__ok' : 'mulin-checkin__error'}>
          <strong>{result.headline}</strong>
          {result.detail && <p>{result.detail}</p>}
        </div>
      )}
      <style>{`
        .mulin-checkin form { display: grid; gap: 0.75rem; max-width: 28rem; }
        .mulin-checkin label { font-size: 1.2rem; font-weight: 700; }
        .mulin-checkin input { font-size: 2rem; letter-spacing: 0.15em; min-height: 3.5rem; padding: 0 0.75rem; text-transform: uppercase; }
        .mulin-checkin button { min-height: 3.5rem; font-size: 1.3rem; margin: 0; }
        .mulin-checkin [role=status] { margin-top: 1.25rem; padding: 1rem; border-radius: 8px; font-size: 1.4rem; max-width: 28rem; }
        .mulin-checkin__ok { background: #e3f4e8; color: #14532d; }
        .mulin-checkin__error { background: #fde8e6; color: #8a1410; }
        .mulin-checkin [role=status] p { font-size: 1rem; margin: 0.25rem 0 0; }
      `}</style>
    </div>
  )
}
