export const roles = ['enterprise', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** pending: a later user of an existing organisation, waiting for a member's approval. */
export const userStatuses = ['active', 'pending', 'rejected', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];
