import { createHash } from 'node:crypto';
import type { DataRow, DataSource, DatasetSpec, ReferenceTable, TablePart } from './reference-source';
import { hsSearchText } from './search-text';

/**
 * The shipped reference datasets: which files each is read from and how their rows become table rows.
 * Pure file work, no database: the loader (reference-loader.ts) writes what this produces.
 */

const F = {
  divisions: 'admin-divisions/cn-divisions-2023.csv',
  hsCodes: 'hs/cn-hs-codes.csv',
  hsChapters: 'hs/cn-tariff-2026-chapters-zh.csv',
  hsSections: 'hs/cn-tariff-2026-sections-zh.csv',
  cccCategories: 'ccc/ccc-catalogue-2023-categories.csv',
  cccProducts: 'ccc/ccc-catalogue-2023-products-partial.csv',
  cccAdditions: 'ccc/ccc-catalogue-additions-2024-2026.csv',
  cccHs: 'ccc/ccc-hs-provisional.csv',
  bureaus: 'samr/provincial-market-regulation-bureaus.csv',
  bureauDefaults: 'domain/bureau-defaults.json',
  clauses: 'domain/clauses.csv',
  subClauses: 'domain/sub-clauses.csv',
  applicantTypes: 'domain/applicant-types.csv',
  attachmentTypes: 'domain/attachment-types.csv',
  requirements: 'domain/clause-attachment-requirements.csv',
  addressTypes: 'domain/address-types.csv',
} as const;

const nul = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
const int = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
const flag = (v: string | undefined): number => (v === '1' ? 1 : 0);
const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);
const ref = { enabled: 1, modified_by_admin: 0 };

interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  province_code: string;
  kind: string;
}

/**
 * One row per code. The file repeats three city codes as their own county-level row (东莞 441900,
 * 中山 442000, 儋州 460400: kind pseudo_county, parent = itself); a code names one division, so the
 * city row (the shallower level) is kept and the repeat dropped.
 */
export function divisionRows(src: DataSource): DivisionRow[] {
  const byCode = new Map<string, DivisionRow>();
  for (const r of src.rows(F.divisions)) {
    const row: DivisionRow = {
      code: r.code!,
      name: r.name!,
      level: Number(r.level),
      parent_code: nul(r.parent_code),
      province_code: r.province_code!,
      kind: r.kind!,
    };
    const seen = byCode.get(row.code);
    if (!seen || row.level < seen.level) byCode.set(row.code, row);
  }
  return [...byCode.values()];
}

function hsChapterNames(src: DataSource): Map<string, string> {
  return new Map(src.rows(F.hsChapters).map((r) => [r.chapter!, r.name_zh!]));
}

/** CCC category names by HS prefix, from the provisional mapping. */
function cccCategoriesByPrefix(src: DataSource): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of src.rows(F.cccHs)) {
    if (!r.ccc_category_name) continue;
    const list = m.get(r.hs_prefix!) ?? [];
    if (!list.includes(r.ccc_category_name)) list.push(r.ccc_category_name);
    m.set(r.hs_prefix!, list);
  }
  return m;
}

/** The categories of the longest mapped prefix of a code (a 6-digit mapping is more precise than its heading). */
function categoriesFor(code: string, byPrefix: Map<string, string[]>): string[] {
  for (let len = Math.min(code.length, 10); len >= 2; len--) {
    const hit = byPrefix.get(code.slice(0, len));
    if (hit) return hit;
  }
  return [];
}

/** A list from DOMAIN.md (our decisions, editable): one CSV under domain/, one table. */
const domainDataset = (
  name: ReferenceTable,
  file: string,
  key: string,
  mapRow: (r: Record<string, string>) => DataRow,
): DatasetSpec => ({
  name,
  label: 'domain',
  files: [file],
  build: (src) => [
    {
      table: name,
      keys: [key],
      adminFlag: true,
      rows: src.rows(file).map((r) => ({ ...mapRow(r), ...ref })),
    },
  ],
});

interface BureauDefaults {
  provincial: { codeSuffix: string; level: string; acceptDays: number; decideDays: number };
  withoutProvinceCode: { bureauName: string; code: string; coversDivisionPrefix: string }[];
}

function bureauParts(src: DataSource): TablePart[] {
  const defaults = JSON.parse(src.read(F.bureauDefaults)) as BureauDefaults;
  const p = defaults.provincial;
  const divisions = divisionRows(src);
  const bureaus: DataRow[] = [];
  const coverage: DataRow[] = [];
  for (const r of src.rows(F.bureaus)) {
    let code: string;
    let covers: string[];
    if (r.province_code) {
      code = r.province_code + p.codeSuffix;
      covers = [code];
    } else {
      const special = defaults.withoutProvinceCode.find((s) => s.bureauName === r.bureau_name);
      if (!special) throw new Error(`No code configured for the bureau ${r.bureau_name}`);
      code = special.code;
      // Every real division under the prefix (the placeholder grouping row itself is no division).
      covers = divisions
        .filter((d) => d.code.startsWith(special.coversDivisionPrefix) && d.kind !== 'placeholder')
        .map((d) => d.code);
    }
    bureaus.push({
      code,
      name: r.bureau_name!,
      level: p.level,
      parent_code: null,
      phone: null,
      address: null,
      accept_days: p.acceptDays,
      decide_days: p.decideDays,
      ...ref,
    });
    for (const d of covers) coverage.push({ bureau_code: code, division_code: d });
  }
  return [
    { table: 'bureaus', keys: ['code'], rows: bureaus, adminFlag: true },
    {
      table: 'bureau_divisions',
      keys: ['bureau_code', 'division_code'],
      rows: coverage,
      adminFlag: false,
      owner: { table: 'bureaus', key: 'code', column: 'bureau_code' },
    },
  ];
}

/** In load order: a table is loaded after the tables its foreign keys point to. */
export const datasets: DatasetSpec[] = [
  {
    name: 'divisions',
    label: 'nbs-2023',
    files: [F.divisions],
    build: (src) => [
      {
        table: 'divisions',
        keys: ['code'],
        adminFlag: true,
        rows: divisionRows(src).map((d) => ({ ...d, ...ref })),
      },
    ],
  },
  {
    name: 'hs_chapters',
    label: 'tariff-2026',
    files: [F.hsChapters, F.hsSections],
    build: (src) => {
      const sections = new Map(src.rows(F.hsSections).map((s) => [s.section_no!, s.name_zh!]));
      const rows = src.rows(F.hsChapters).map((r) => ({
        chapter: r.chapter!,
        name_zh: r.name_zh!,
        section_no: Number(r.section_no),
        section_name_zh: sections.get(r.section_no!) ?? '',
      }));
      return [{ table: 'hs_chapters', keys: ['chapter'], adminFlag: false, rows }];
    },
  },
  {
    name: 'hs_codes',
    label: 'hs-2020',
    // search_text uses the chapter names and the provisional CCC mapping: their change refreshes it.
    files: [F.hsCodes, F.hsChapters, F.cccHs],
    build: (src) => {
      const chapters = hsChapterNames(src);
      const ccc = cccCategoriesByPrefix(src);
      const rows = src.rows(F.hsCodes).map((r) => {
        const code = r.code!;
        const chapter = code.slice(0, 2);
        return {
          code,
          edition: '2020',
          name_zh: r.name_zh!,
          unit1_code: nul(r.unit1_code),
          unit1: nul(r.unit1),
          unit2_code: nul(r.unit2_code),
          unit2: nul(r.unit2),
          supervision_codes: nul(r.supervision_codes),
          note_zh: nul(r.note_zh),
          chapter,
          search_text: hsSearchText([code, r.name_zh, chapters.get(chapter), ...categoriesFor(code, ccc)]),
          // Lines whose 6-digit subheading no longer exists in HS 2022 are not offered for new applications.
          enabled: r.hs6_in_hs2022 === '1' ? 1 : 0,
          modified_by_admin: 0,
        };
      });
      return [{ table: 'hs_codes', keys: ['edition', 'code'], adminFlag: true, rows }];
    },
  },
  {
    name: 'ccc_categories',
    label: 'catalogue-2023',
    files: [F.cccCategories],
    build: (src) => [
      {
        table: 'ccc_categories',
        keys: ['id'],
        adminFlag: true,
        rows: src.rows(F.cccCategories).map((r) => ({
          id: `2023-${r.category_no!.padStart(2, '0')}`,
          edition: '2023',
          category_no: Number(r.category_no),
          name: r.category_name!,
          product_count: Number(r.product_count),
          ...ref,
        })),
      },
    ],
  },
  {
    name: 'ccc_products',
    label: 'catalogue-2023+additions-2024',
    files: [F.cccProducts, F.cccAdditions],
    build: (src) => {
      const product = (edition: string) => (r: Record<string, string>) => ({
        // Products whose position in the catalogue was not read have no seq: their id comes from the name.
        id: r.seq ? `${edition}-${r.seq.padStart(3, '0')}` : `${edition}-n${shortHash(r.product_name!)}`,
        edition,
        seq: int(r.seq),
        category_no: int(r.category_no),
        category_name: nul(r.category_name),
        marker: nul(r.marker),
        product_name: r.product_name!,
        product_codes: nul(r.product_codes),
        ...ref,
      });
      const rows = [
        ...src.rows(F.cccProducts).map(product('2023')),
        ...src.rows(F.cccAdditions).map(product('2024')),
      ];
      return [{ table: 'ccc_products', keys: ['id'], adminFlag: true, rows }];
    },
  },
  {
    name: 'ccc_hs_mappings',
    label: 'provisional-1',
    files: [F.cccHs],
    build: (src) => {
      const seen = new Map<string, number>();
      const rows = src.rows(F.cccHs).map((r) => {
        const k = (seen.get(r.hs_prefix!) ?? 0) + 1;
        seen.set(r.hs_prefix!, k);
        return {
          id: `prov-${r.hs_prefix!}-${k}`,
          hs_prefix: r.hs_prefix!,
          category_no: int(r.ccc_category_no),
          category_name: nul(r.ccc_category_name),
          product_code: nul(r.ccc_product_code),
          product_name: nul(r.ccc_product_name),
          confidence: nul(r.confidence),
          note: nul(r.note),
          provisional: 1,
          ...ref,
        };
      });
      return [{ table: 'ccc_hs_mappings', keys: ['id'], adminFlag: true, rows }];
    },
  },
  {
    name: 'bureaus',
    label: 'samr-provincial',
    // The 兵团 bureau's coverage is read from the divisions.
    files: [F.bureaus, F.bureauDefaults, F.divisions],
    build: bureauParts,
  },
  domainDataset('clauses', F.clauses, 'code', (r) => ({
    code: r.code!,
    name: r.name!,
    requires_sub_clause: flag(r.requires_sub_clause),
    requires_applicant_type: flag(r.requires_applicant_type),
    requires_display_period: flag(r.requires_display_period),
    sort_order: Number(r.sort_order),
  })),
  domainDataset('sub_clauses', F.subClauses, 'code', (r) => ({
    code: r.code!,
    clause_code: r.clause_code!,
    name: r.name!,
    sort_order: Number(r.sort_order),
  })),
  domainDataset('applicant_types', F.applicantTypes, 'code', (r) => ({
    code: r.code!,
    clause_code: r.clause_code!,
    name: r.name!,
    sort_order: Number(r.sort_order),
  })),
  domainDataset('attachment_types', F.attachmentTypes, 'code', (r) => ({
    code: r.code!,
    name: r.name!,
    reusable: flag(r.reusable),
    sort_order: Number(r.sort_order),
  })),
  domainDataset('clause_attachment_requirements', F.requirements, 'id', (r) => ({
    id: `${r.attachment_type_code!}:${r.clause_code || '*'}:${r.sub_clause_code || '*'}`,
    attachment_type_code: r.attachment_type_code!,
    clause_code: nul(r.clause_code),
    sub_clause_code: nul(r.sub_clause_code),
    required: flag(r.required),
  })),
  domainDataset('address_types', F.addressTypes, 'code', (r) => ({
    code: r.code!,
    name: r.name!,
    sort_order: Number(r.sort_order),
  })),
];

export const referenceDataFiles = F;
