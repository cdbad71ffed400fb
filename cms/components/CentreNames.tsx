/**
 * The centres a visit request names, by name, for centre staff. Staff may read only their own
 * centres, so Payload's relationship input would show the others as "未命名 - ID: 7"; a visit's
 * other stops are no secret to the centre hosting it, and staff cannot edit the request anyway.
 */
import type { ServerFieldBase } from 'payload'

type Props = ServerFieldBase & { of: string; label: { zh: string; en: string } }

export async function CentreNames({ of, label, siblingData, payload, i18n }: Props) {
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const value = (siblingData as Record<string, unknown> | undefined)?.[of]
  const ids = (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) =>
    typeof v === 'object' && v !== null ? (v as { id: number }).id : (v as number),
  )
  if (ids.length === 0) return null
  const { docs } = await payload.find({
    collection: 'centres',
    where: { id: { in: ids } },
    select: { name: true },
    depth: 0,
    draft: true,
    locale: lang,
    overrideAccess: true,
    pagination: false,
  })
  const names = ids.map((id) => docs.find((doc) => doc.id === id)?.name).filter(Boolean)
  return (
    <div className="field-type" style={{ marginBottom: '1rem' }}>
      <div className="field-label">{label[lang]}</div>
      <p style={{ margin: 0 }}>{names.join('，')}</p>
    </div>
  )
}
