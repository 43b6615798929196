import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

const STATUSES = ['draft', 'submitted', 'under_review', 'returned', 'issued', 'refused'];
const CLAUSES = ['01', '02', '03', '04', '05', '06'];
const PRODUCTS = [
  '空调压缩机',
  '液晶监视器',
  '电动机',
  '插头插座',
  '吊扇',
  '开关电源',
  '工业机器人控制器',
  '样品电池组',
];

/**
 * Fills the migrated SQLite database of `dataDir` with `count` applications of the user's organisation,
 * by direct SQL in one transaction (the server is not running). Numbers follow DOMAIN.md (A + bureau +
 * clause + YYMM + serial), creation times one every 7 minutes back from 2026-03-01, states mixed.
 */
export function generateApplications(dataDir, { username, count }) {
  const db = new Database(path.join(dataDir, 'ccc.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  try {
    const user = db.prepare('select id, organisation_id from users where username = ?').get(username);
    if (!user?.organisation_id) throw new Error(`no enterprise user ${username}`);
    const insert = db.prepare(`insert into applications (
        id, number, organisation_id, created_by, bureau_code, clause_code, sub_clause_code, applicant_type_code,
        location_division_code, location_address_type_code, location_address, use_division_code, use_address,
        bill_of_lading_no, contract_no, invoice_no, product_features, exemption_reason, safety_assurance,
        status, certificate_number, product_count, first_product_name,
        created_at, updated_at, first_submitted_at, submitted_at, listed_at, reference_labels)
      values (?, ?, ?, ?, '310000', ?, ?, ?, '310115', 'registered', '上海市浦东新区世纪大道100号', '310115',
        '上海市浦东新区张江路1号', ?, null, ?, '产品特点', '免办理由', '安全保证',
        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // A submitted application carries the names it was submitted with (applications/application-labels.ts).
    const nameOf = (table, code) =>
      code ? (db.prepare(`select name from ${table} where code = ?`).get(code)?.name ?? null) : null;
    const labelsOf = (clause) =>
      JSON.stringify({
        clause: nameOf('clauses', clause),
        subClause: nameOf('sub_clauses', clause === '01' ? 'research' : null),
        applicantType: nameOf(
          'applicant_types',
          clause === '01' ? 'research_institute' : clause === '02' ? 'repairer' : null,
        ),
        addressType: nameOf('address_types', 'registered'),
        bureau: nameOf('bureaus', '310000'),
      });
    const labels = new Map(CLAUSES.map((c) => [c, labelsOf(c)]));
    const end = Date.parse('2026-03-01T00:00:00Z');
    const serials = new Map();
    const fill = db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const created = new Date(end - (count - i) * 7 * 60_000);
        const createdAt = created.toISOString();
        const yymm = createdAt.slice(2, 4) + createdAt.slice(5, 7);
        const year = createdAt.slice(0, 4);
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        const clause = CLAUSES[i % CLAUSES.length];
        const status = STATUSES[(i * 7) % STATUSES.length];
        const submitted = status === 'draft' ? null : new Date(created.getTime() + 3_600_000).toISOString();
        const issued = status === 'issued';
        insert.run(
          randomUUID(),
          `A310000${clause}${yymm}${String(serial).padStart(6, '0')}`,
          user.organisation_id,
          user.id,
          clause,
          clause === '01' ? 'research' : null,
          clause === '01' ? 'research_institute' : clause === '02' ? 'repairer' : null,
          `BL${i}`,
          `INV-${i}`,
          status,
          issued ? `N3100${year.slice(2)}${String(serial).padStart(6, '0')}` : null,
          1 + (i % 5),
          PRODUCTS[i % PRODUCTS.length],
          createdAt,
          submitted ?? createdAt,
          submitted,
          submitted,
          submitted ?? createdAt,
          submitted ? labels.get(clause) : null,
        );
      }
    });
    fill();
    return { organisationId: user.organisation_id, count };
  } finally {
    db.close();
  }
}
