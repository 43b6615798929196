import { createHash } from 'node:crypto';
import {
  bureauLevels,
  type AddressType,
  type Bureau,
  type BureauLevel,
  type Clause,
  type DivisionNode,
} from '@ccc/domain';
import type { AppDeps } from '../../context';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/app-error';
import { buildDivisionTree } from './division-tree';
import * as repo from './reference.repository';

/** Reference data as the other modules and the public routes see it. Read-only in this module. */

/** Every function here needs only the database: a ServiceContext or the app's dependencies will do. */
export type ReferenceContext = Pick<AppDeps, 'db'>;

// ---------------------------------------------------------------- divisions

export interface Division {
  code: string;
  name: string;
  /** 1 province, 2 prefecture, 3 county (GB/T 2260). */
  level: number;
  /** The nearest ancestor a user sees (statistical grouping rows such as 市辖区 are skipped); null for a province. */
  parentCode: string | null;
  /** A disabled division is no longer offered, but records that name it still show it. */
  enabled: boolean;
}

/**
 * The division with that code, or undefined when there is none. Statistical grouping rows (市辖区,
 * 省直辖县级行政区划 …) are no divisions anyone is located in: undefined too.
 */
export async function findDivision(ctx: ReferenceContext, code: string): Promise<Division | undefined> {
  const row = await repo.findDivisionRow(ctx.db, code);
  if (!row || row.kind === 'placeholder') return undefined;
  let parentCode = row.parent_code;
  for (let depth = 0; parentCode && depth < 4; depth++) {
    const parent = await repo.findDivisionRow(ctx.db, parentCode);
    if (!parent || parent.kind !== 'placeholder') break;
    parentCode = parent.parent_code;
  }
  return { code: row.code, name: row.name, level: row.level, parentCode, enabled: row.enabled === 1 };
}

/** The division and its visible ancestors, from the province down; [] for an unknown code. */
export async function divisionChain(ctx: ReferenceContext, code: string): Promise<Division[]> {
  const chain: Division[] = [];
  let next: string | null = code;
  for (let depth = 0; next && depth < 4; depth++) {
    const d = await findDivision(ctx, next);
    if (!d) break;
    chain.unshift(d);
    next = d.parentCode;
  }
  return chain;
}

/** The names from the province down, space-separated: '广东省 深圳市 南山区'; '' for an unknown code. */
export async function divisionPath(ctx: ReferenceContext, code: string): Promise<string> {
  return (await divisionChain(ctx, code)).map((d) => d.name).join(' ');
}

interface CachedTree {
  key: string;
  etag: string;
  items: DivisionNode[];
}
/** Per database, so test apps never share; the key is checked against the database on every call. */
const treeCache = new WeakMap<Db, CachedTree>();

/**
 * The cascader tree with an ETag. The tree is rebuilt only when the divisions changed (count, last
 * update or loaded version differ), which one aggregate query tells, so every server instance stays current.
 */
export async function getDivisionTree(
  ctx: ReferenceContext,
): Promise<{ etag: string; items: DivisionNode[] }> {
  const state = await repo.findDivisionsState(ctx.db);
  const key = `${state.version}|${state.count}|${state.lastUpdate}`;
  const cached = treeCache.get(ctx.db);
  if (cached?.key === key) return cached;
  const items = buildDivisionTree(await repo.findDivisionRows(ctx.db));
  const etag = `"div-${createHash('sha256').update(key).digest('hex').slice(0, 20)}"`;
  const entry = { key, etag, items };
  treeCache.set(ctx.db, entry);
  return entry;
}

// ---------------------------------------------------------------- bureaus

type BureauRow = Awaited<ReturnType<typeof repo.findBureauRows>>[number];

function toBureau(row: BureauRow, divisionCodes: string[]): Bureau {
  const level = (bureauLevels as readonly string[]).includes(row.level)
    ? (row.level as BureauLevel)
    : 'province';
  return {
    code: row.code,
    name: row.name,
    level,
    parentCode: row.parent_code,
    phone: row.phone,
    address: row.address,
    acceptDays: row.accept_days,
    decideDays: row.decide_days,
    enabled: row.enabled === 1,
    divisionCodes,
  };
}

async function withCoverage(db: Db, rows: BureauRow[]): Promise<Bureau[]> {
  const coverage = await repo.findBureauCoverage(
    db,
    rows.map((r) => r.code),
  );
  const byBureau = new Map<string, string[]>();
  for (const c of coverage) {
    const list = byBureau.get(c.bureau_code) ?? [];
    list.push(c.division_code);
    byBureau.set(c.bureau_code, list);
  }
  return rows.map((r) => toBureau(r, byBureau.get(r.code) ?? []));
}

/** The bureau with that code, enabled or not, with the divisions it covers. */
export async function findBureau(ctx: ReferenceContext, code: string): Promise<Bureau | undefined> {
  const [row] = await repo.findBureauRows(ctx.db, { codes: [code] });
  if (!row) return undefined;
  return (await withCoverage(ctx.db, [row]))[0];
}

/** Bureaus by code; only the enabled ones unless asked. */
export async function listBureaus(
  ctx: ReferenceContext,
  opts: { includeDisabled?: boolean } = {},
): Promise<Bureau[]> {
  const rows = await repo.findBureauRows(ctx.db, { enabledOnly: !opts.includeDisabled });
  return withCoverage(ctx.db, rows);
}

/** A division code without its trailing 00 pairs: 440000 → 44, 440300 → 4403, 440305 → 440305. */
export function significantDigits(code: string): string {
  let s = code;
  while (s.length > 2 && s.endsWith('00')) s = s.slice(0, -2);
  return s;
}

/** The codes that cover a division: itself, its prefecture's and its province's (440305 → 440305, 440300, 440000). */
export function coveringCodes(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/**
 * 受理市场监督管理局 offered for an applicant's division: the enabled bureaus whose coverage includes the
 * division or one of its ancestors, the most specific coverage first (a district bureau before its city's,
 * a city's before the province's; the 兵团 bureau, covering 659001 itself, before 新疆's, covering 650000).
 */
export async function findBureausForDivision(ctx: ReferenceContext, divisionCode: string): Promise<Bureau[]> {
  if (!(await findDivision(ctx, divisionCode))) throw new AppError('NOT_FOUND');
  const hits = await repo.findBureausCovering(ctx.db, coveringCodes(divisionCode));
  const specificity = new Map<string, number>();
  for (const h of hits) {
    const s = significantDigits(h.division_code).length;
    specificity.set(h.code, Math.max(specificity.get(h.code) ?? 0, s));
  }
  const rows = await repo.findBureauRows(ctx.db, { codes: [...specificity.keys()], enabledOnly: true });
  const bureaus = await withCoverage(ctx.db, rows);
  return bureaus.sort(
    (a, b) =>
      (specificity.get(b.code) ?? 0) - (specificity.get(a.code) ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

// ---------------------------------------------------------------- clauses, address types

/** The enabled clauses in order, each with its second-level clauses, applicant types and attachments. */
export async function listClauses(ctx: ReferenceContext): Promise<Clause[]> {
  const { clauses, subClauses, applicantTypes, attachmentTypes, requirements } = await repo.findClauseRows(
    ctx.db,
  );
  const typeOrder = new Map(attachmentTypes.map((t, i) => [t.code, i]));
  const types = new Map(attachmentTypes.map((t) => [t.code, t]));
  const subOrder = new Map(subClauses.map((s, i) => [s.code, i]));
  return clauses.map((c) => {
    const subs = subClauses.filter((s) => s.clause_code === c.code);
    const reqs = requirements
      .filter(
        (r) =>
          types.has(r.attachment_type_code) &&
          (r.clause_code === null || r.clause_code === c.code) &&
          (r.sub_clause_code === null || subs.some((s) => s.code === r.sub_clause_code)),
      )
      .sort(
        (a, b) =>
          typeOrder.get(a.attachment_type_code)! - typeOrder.get(b.attachment_type_code)! ||
          (a.sub_clause_code === null ? -1 : (subOrder.get(a.sub_clause_code) ?? 0)) -
            (b.sub_clause_code === null ? -1 : (subOrder.get(b.sub_clause_code) ?? 0)),
      );
    return {
      code: c.code,
      name: c.name,
      requiresSubClause: c.requires_sub_clause === 1,
      requiresApplicantType: c.requires_applicant_type === 1,
      requiresDisplayPeriod: c.requires_display_period === 1,
      subClauses: subs.map((s) => ({ code: s.code, name: s.name })),
      applicantTypes: applicantTypes
        .filter((a) => a.clause_code === c.code)
        .map((a) => ({ code: a.code, name: a.name })),
      attachmentRequirements: reqs.map((r) => {
        const t = types.get(r.attachment_type_code)!;
        return {
          attachmentTypeCode: t.code,
          name: t.name,
          reusable: t.reusable === 1,
          subClauseCode: r.sub_clause_code,
          required: r.required === 1,
        };
      }),
    };
  });
}

export async function listAddressTypes(ctx: ReferenceContext): Promise<AddressType[]> {
  return repo.findAddressTypeRows(ctx.db);
}

// ---------------------------------------------------------------- names for records, customs units

export interface ReferenceNames {
  clauses: Map<string, string>;
  subClauses: Map<string, string>;
  applicantTypes: Map<string, string>;
  addressTypes: Map<string, string>;
}

/**
 * The names of clauses, second-level clauses, applicant types and address types by code, including
 * disabled ones: a record made under a code that was disabled since still shows its name.
 */
export async function findReferenceNames(ctx: ReferenceContext): Promise<ReferenceNames> {
  const rows = await repo.findNameRows(ctx.db);
  const toMap = (list: { code: string; name: string }[]) => new Map(list.map((r) => [r.code, r.name]));
  return {
    clauses: toMap(rows.clauses),
    subClauses: toMap(rows.subClauses),
    applicantTypes: toMap(rows.applicantTypes),
    addressTypes: toMap(rows.addressTypes),
  };
}

/** Bureau names by code, enabled or not. */
export async function findBureauNames(
  ctx: ReferenceContext,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.findBureauNameRows(ctx.db, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** 单位: the customs units of the HS table (first and second units), the most used first. */
export async function listCustomsUnits(
  ctx: ReferenceContext,
): Promise<{ code: string | null; name: string; uses: number }[]> {
  return repo.findUnitRows(ctx.db);
}
