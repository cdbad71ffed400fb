import { redirect } from 'next/navigation'

/** The CMS has no public pages of its own: its root leads staff to the admin. */
export default function Home() {
  redirect('/admin')
}
