/** Cookie names of the visitor's own choices, remembered without an account. */
export const CARE_COOKIE = 'mulin_care'
