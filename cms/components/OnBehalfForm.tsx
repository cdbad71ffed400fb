'use client'
/**
 * Staff sign a resident up on their behalf (at the desk, or for a family member who rang): the
 * same endpoint and rules as the site, counted against the same seats.
 */
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'

type Props = { eventId: string; maxPartySize: number; lang: 'zh' | 'en' }

export function OnBehalfForm({ eventId, maxPartySize, lang }: Props) {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  const router = useRouter()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  // Not a <form>: this sits inside the admin's own edit form, and forms cannot nest.
  const box = useRef<HTMLDivElement>(null)
  async function submit() {
    const fields = Array.from(
      box.current?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-name]') ?? [],
    )
    const data: Record<string, string> = {}
    for (const field of fields) {
      const name = field.dataset.name!
      data[name] =
        field instanceof HTMLInputElement && field.type === 'checkbox'
          ? field.checked
            ? 'on'
            : ''
          : field.value
    }
    setBusy(true)
    try {
      const response = await fetch(`/api/events/${eventId}/register`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...data,
          partySize: Number(data.partySize ?? 1),
          consent: data.consent === 'on',
        }),
      })
      const body = (await response.json()) as {
        code?: string
        status?: string
        position?: number
        created?: boolean
        zh?: string
        en?: string
        errors?: Record<string, { zh: string; en: string }>
      }
      if (response.ok) {
        const status =
          body.status === 'waiting'
            ? t(`候补第 ${body.position} 位`, `waiting list, position ${body.position}`)
            : t('名额已确认', 'confirmed')
        setMessage({
          ok: true,
          text: body.created
            ? t(`已登记，确认码 ${body.code}（${status}）`, `Signed up: code ${body.code} (${status})`)
            : t(
                `这个号码已经报过名，确认码 ${body.code}`,
                `Already signed up with this number: ${body.code}`,
              ),
        })
        for (const field of fields) {
          if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = false
          else if (field.dataset.name !== 'channel')
            field.value = field.dataset.name === 'partySize' ? '1' : ''
        }
        router.refresh()
      } else {
        const details = Object.values(body.errors ?? {})
          .map((e) => (lang === 'en' ? e.en : e.zh))
          .join(' ')
        setMessage({ ok: false, text: `${lang === 'en' ? body.en : body.zh} ${details}`.trim() })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="mulin-onbehalf">
      <summary>{t('代居民报名', 'Sign a resident up')}</summary>
      <div className="mulin-onbehalf__fields" ref={box}>
        <label>
          {t('姓名', 'Name')}
          <input data-name="name" maxLength={40} />
        </label>
        <label>
          {t('手机号码', 'Mobile')}
          <input data-name="phone" inputMode="tel" />
        </label>
        <label>
          {t('人数', 'Party size')}
          <input data-name="partySize" type="number" min={1} max={maxPartySize} defaultValue={1} />
        </label>
        <label>
          {t('报名方式', 'Channel')}
          <select data-name="channel" defaultValue="staff">
            <option value="staff">{t('工作人员代报', 'By staff')}</option>
            <option value="family">{t('家属代报', 'By family')}</option>
          </select>
        </label>
        <label className="mulin-onbehalf__consent">
          <input data-name="consent" type="checkbox" />
          {t('已向居民说明隐私说明，居民同意', 'The resident was told the privacy notice and agreed')}
        </label>
        <button
          className="btn btn--style-primary btn--size-small"
          type="button"
          disabled={busy}
          onClick={submit}
        >
          {t('登记报名', 'Sign up')}
        </button>
      </div>
      {message && (
        <p role="status" className={message.ok ? 'mulin-ok' : 'mulin-error'}>
          {message.text}
        </p>
      )}
      <style>{`
        .mulin-onbehalf { margin: 0 0 1rem; }
        .mulin-onbehalf summary { cursor: pointer; font-weight: 600; padding: 0.5rem 0; }
        .mulin-onbehalf__fields { display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); align-items: end; }
        .mulin-onbehalf label { display: grid; gap: 0.25rem; }
        .mulin-onbehalf input, .mulin-onbehalf select { min-height: 2.5rem; padding: 0 0.5rem; }
        .mulin-onbehalf__consent { grid-column: 1 / -1; display: flex !important; align-items: center; gap: 0.5rem; }
        .mulin-ok { color: #1e6b33; font-weight: 700; }
        .mulin-error { color: #a3140f; font-weight: 700; }
      `}</style>
    </details>
  )
}
