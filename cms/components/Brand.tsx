/**
 * The portal's own name and mark in the admin (login page and the corner of every page), in place
 * of Payload's logo: the same red 睦 seal the site uses as its icon.
 */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="32" fill="#a3341f" />
      <text x="32" y="43" fontSize="32" textAnchor="middle" fill="#fff" fontFamily="sans-serif">
        睦
      </text>
    </svg>
  )
}

export function Logo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      <Mark size={56} />
      <span style={{ fontSize: '1.75rem', fontWeight: 700, letterSpacing: '0.05em' }}>睦邻 · 工作台</span>
    </span>
  )
}

export function Icon() {
  return <Mark size={28} />
}
