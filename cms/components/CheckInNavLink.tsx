/** A link to the door check-in page in the admin's side navigation. */
import type { ServerProps } from 'payload'

export function CheckInNavLink({ i18n }: ServerProps) {
  const en = i18n?.language === 'en'
  return (
    <a className="nav__link" href="/admin/check-in" style={{ display: 'block', padding: '0.5rem 0' }}>
      {en ? 'Check-in at the door' : '现场签到'}
    </a>
  )
}
