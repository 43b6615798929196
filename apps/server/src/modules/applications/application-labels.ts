import type { ReferenceNames } from '../reference/reference.service';

/**
 * The reference names an application was submitted with. The administrator may rename or disable a
 * clause, an applicant type or a bureau later; a submitted application keeps saying what it said, so its
 * names are frozen into `applications.reference_labels` at each submission and read from there.
 * A draft (never submitted) has none and shows the current names.
 */
export interface ApplicationLabels {
  clause: string | null;
  subClause: string | null;
  applicantType: string | null;
  addressType: string | null;
  bureau: string | null;
}

interface LabelledRow {
  clause_code: string;
  sub_clause_code?: string | null;
  applicant_type_code?: string | null;
  location_address_type_code?: string | null;
  bureau_code: string;
}

const nameOf = (code: string | null | undefined, map: Map<string, string>) =>
  code ? (map.get(code) ?? null) : null;

/** The labels of `row` as the reference data reads now. */
export function captureLabels(
  row: LabelledRow,
  names: ReferenceNames,
  bureauNames: Map<string, string>,
): ApplicationLabels {
  return {
    clause: nameOf(row.clause_code, names.clauses),
    subClause: nameOf(row.sub_clause_code, names.subClauses),
    applicantType: nameOf(row.applicant_type_code, names.applicantTypes),
    addressType: nameOf(row.location_address_type_code, names.addressTypes),
    bureau: nameOf(row.bureau_code, bureauNames),
  };
}

/** The frozen labels, or null for an application never submitted (or submitted before labels were kept). */
export function parseLabels(text: string | null | undefined): ApplicationLabels | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ApplicationLabels> | null;
    if (!v || typeof v !== 'object') return null;
    const s = (x: unknown) => (typeof x === 'string' ? x : null);
    return {
      clause: s(v.clause),
      subClause: s(v.subClause),
      applicantType: s(v.applicantType),
      addressType: s(v.addressType),
      bureau: s(v.bureau),
    };
  } catch {
    return null;
  }
}

/**
 * Names to show for `row`: the frozen label when the application carries one, else the current name,
 * else the code itself.
 */
export function labelled(
  row: LabelledRow & { reference_labels?: string | null },
  names: ReferenceNames,
  bureauNames: Map<string, string>,
) {
  const frozen = parseLabels(row.reference_labels);
  const now = captureLabels(row, names, bureauNames);
  const pick = (k: keyof ApplicationLabels) => frozen?.[k] ?? now[k];
  return {
    clause: pick('clause') ?? row.clause_code,
    subClause: pick('subClause'),
    applicantType: pick('applicantType'),
    addressType: pick('addressType'),
    bureau: pick('bureau') ?? row.bureau_code,
  };
}
