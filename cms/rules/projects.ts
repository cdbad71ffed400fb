/**
 * When a project takes volunteers and claims: one answer for the project page, the forms and the
 * REST endpoints.
 */
type ProjectState = { status?: string | null; _status?: string | null }

/** Volunteers may sign up until the project is completed. */
export const acceptsVolunteers = (project: ProjectState): boolean => project.status !== 'completed'

/** Organisations may offer to claim a project only while it is 待认领 (open for claiming). */
export const acceptsClaims = (project: ProjectState): boolean => project.status === 'open'

type VolunteerState = { status?: string | null }

/**
 * A volunteer may withdraw online while still signed up and the project is not completed; the
 * freed place goes back to the role through the seat ledger (cms/hooks/volunteer-places.ts).
 */
export const mayWithdrawVolunteer = (volunteer: VolunteerState, project: ProjectState): boolean =>
  volunteer.status === 'active' && acceptsVolunteers(project)
