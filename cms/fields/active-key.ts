import type { TextField } from 'payload'

/**
 * One active sign-up per person and thing signed up for, enforced by the database itself: the key
 * is `<event or role>:<mobile>` while the sign-up is active and `closed:<id>` once it is cancelled
 * or anonymised. A unique index (not a look-up before insert) is what stops a double tap, a
 * resubmitted form and two kiosks at once from creating a second sign-up. Never null, because
 * MongoDB's unique indexes treat every null as the same value.
 */
export function activeKeyField(): TextField {
  return {
    name: 'activeKey',
    type: 'text',
    unique: true,
    index: true,
    admin: { hidden: true },
    // Written only by the sign-up hooks, which overwrite whatever a client sends.
    access: { read: () => false },
  }
}
