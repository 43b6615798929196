import { officerAccountsRepository as repo } from './officer-accounts.repository';

export type { OfficerFilter, OfficerRow } from './officer-accounts.repository';

/**
 * Officer accounts as the officers module (审核人员账号) reads and changes them. The users and login_history
 * tables belong to this module, so the officers module goes through these functions, never its own SQL.
 * Creating an officer is createUser (users.service.ts); every function here is limited to role = 'officer'.
 */
export const officerAccounts = {
  /** A page of officers, newest first. */
  list: repo.list,
  count: repo.count,
  /** An officer by id; any other user is absent here. */
  find: repo.find,
  /** The officers of one bureau, by user name. */
  listOfBureau: repo.listOfBureau,
  update: repo.update,
  /** A password set by the administrator; it also clears a lock. The number of rows changed. */
  setPassword: repo.setPassword,
  /** The newest login of each of the given users. */
  lastLogins: repo.lastLogins,
};
