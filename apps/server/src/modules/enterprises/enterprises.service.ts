import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { enterprisesRepository, type OrganisationRow } from './enterprises.repository';

type Tx = Transaction<Database> | Db;

/**
 * What other modules may know of an organisation. They call these functions; the organisations table is
 * this module's.
 */
export interface Organisation {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  divisionCode: string;
  address: string;
  postcode: string;
  remark: string | null;
}

export function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    divisionCode: r.division_code,
    address: r.address,
    postcode: r.postcode,
    remark: r.remark,
  };
}

export async function getOrganisation(db: Tx, id: string): Promise<Organisation | null> {
  const row = await enterprisesRepository.findById(db, id);
  return row ? toOrganisation(row) : null;
}

export async function getOrganisations(db: Tx, ids: readonly string[]): Promise<Map<string, Organisation>> {
  const rows = await enterprisesRepository.findByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toOrganisation(r)]));
}

/**
 * The organisations whose name (Chinese or English) or code contains `text`, as a subquery of their ids
 * for `organisation_id in (…)` in another module's search: the organisations table stays this module's.
 */
export function organisationIdsMatching(db: Tx, text: string) {
  return enterprisesRepository.idsMatching(db, text);
}
