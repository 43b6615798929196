import { addDays, chinaDayStartIso, type BureauSearchFilter } from '@ccc/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { ApplicationsTable, Database } from '../../db/schema';
import { organisationIdsMatching } from '../enterprises/enterprises.service';
import {
  applicationsBureauRepository as repo,
  type BureauApplicationFilter,
  type BureauApplicationRow,
} from './applications-bureau.repository';
import type { ApplicationRow } from './applications.repository';

/**
 * What the review module may do with the applications table (SPEC §4): the bureau's inbox and search, and
 * its decisions as compare-and-set. The bureau's scope is the caller's (the officer's own bureau).
 */

type Tx = Transaction<Database> | Db;

export { loadViewableApplication, statusOf } from './application-access';
export { getApplicationDetail } from './application-detail.service';
export type { ApplicationRow } from './applications.repository';
export type { BureauApplicationRow } from './applications-bureau.repository';

/** The search form as repository conditions: numbers upper-case, China dates as UTC instants. */
export function toBureauFilter(db: Db, f: BureauSearchFilter): BureauApplicationFilter {
  return {
    number: f.number?.toUpperCase(),
    certificateNumber: f.certificateNumber?.toUpperCase(),
    organisationIds: f.organisation ? organisationIdsMatching(db, f.organisation) : undefined,
    status: f.status,
    clauseCode: f.clauseCode,
    listedFrom: f.dateFrom ? chinaDayStartIso(f.dateFrom) : undefined,
    listedBefore: f.dateTo ? chinaDayStartIso(addDays(f.dateTo, 1)) : undefined,
  };
}

export function bureauInbox(
  db: Db,
  bureauCode: string,
  statuses: readonly string[],
  offset: number,
  limit: number,
): Promise<BureauApplicationRow[]> {
  return repo.inbox(db, bureauCode, statuses, offset, limit);
}

export function countBureauApplicationsByStatus(
  db: Db,
  bureauCode: string,
  statuses: readonly string[],
): Promise<Map<string, number>> {
  return repo.countByStatus(db, bureauCode, statuses);
}

export function searchBureauApplications(
  db: Db,
  bureauCode: string,
  filter: BureauApplicationFilter,
  offset: number,
  limit: number,
): Promise<BureauApplicationRow[]> {
  return repo.search(db, bureauCode, filter, offset, limit);
}

export function countBureauApplicationsUpTo(
  db: Db,
  bureauCode: string,
  filter: BureauApplicationFilter,
  cap: number,
): Promise<number> {
  return repo.countUpTo(db, bureauCode, filter, cap);
}

export function searchBureauApplicationsAfter(
  db: Db,
  bureauCode: string,
  filter: BureauApplicationFilter,
  after: { listedAt: string; id: string } | null,
  limit: number,
): Promise<BureauApplicationRow[]> {
  return repo.searchAfter(db, bureauCode, filter, after, limit);
}

/** The review columns a decision may set. */
export type DecisionColumns = Pick<
  Updateable<ApplicationsTable>,
  | 'status'
  | 'accepted_at'
  | 'return_reason'
  | 'returned_at'
  | 'refuse_reason'
  | 'decided_at'
  | 'updated_at'
  | 'decision_working_days'
>;

/**
 * Inside the caller's transaction, as its first statement: the decision's compare-and-set on the state the
 * officer saw. `addClockDays` is added to clock_days_used (a 退回 ends a round of the service clock).
 * Undefined when the case changed meanwhile.
 */
export function decideApplicationIfState(
  trx: Tx,
  id: string,
  expected: { status: string; submittedAt: string },
  set: DecisionColumns,
  addClockDays = 0,
): Promise<ApplicationRow | undefined> {
  return repo.decideIfState(trx, id, expected, set, addClockDays);
}

/** Inside the approval's transaction: the issued certificate's number on the application. */
export async function setApplicationCertificateNumber(trx: Tx, id: string, number: string): Promise<void> {
  await repo.setCertificateNumber(trx, id, number);
}
