import {
  applicationFieldsSchema,
  makeApplicationBodySchema,
  type AddressType,
  type ApplicationFields,
  type ApplicationReference,
  type ApplicationSchemaMode,
  type Clause,
  type ClauseRules,
} from '@ccc/domain';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import { AppError, fieldError } from '../../lib/app-error';
import {
  findBureau,
  findBureausForDivision,
  findDivision,
  listAddressTypes,
  listClauses,
} from '../reference/reference.service';
import type { ApplicationRow } from './applications.repository';

/** The application form's rules on the server: reference data, the shared schema, locations and bureaus. */

export interface FormReference {
  clauses: Clause[];
  addressTypes: AddressType[];
}

/** Read once per request, before any transaction (on SQLite a read on ctx.db inside one would wait forever). */
export async function loadFormReference(ctx: ServiceContext): Promise<FormReference> {
  const [clauses, addressTypes] = await Promise.all([listClauses(ctx), listAddressTypes(ctx)]);
  return { clauses, addressTypes };
}

/**
 * The reference an existing application is checked against: the enabled choices, plus the ones it already
 * holds (a second-level clause, applicant type or address type disabled since it was saved stays valid on
 * that application; it just cannot be chosen anew).
 */
export function referenceFor(ref: FormReference, row?: ApplicationRow): ApplicationReference {
  if (!row) return ref;
  const clauses: ClauseRules[] = ref.clauses.map((c) => {
    if (c.code !== row.clause_code) return c;
    const keepSub = row.sub_clause_code && !c.subClauses.some((s) => s.code === row.sub_clause_code);
    const keepType =
      row.applicant_type_code && !c.applicantTypes.some((a) => a.code === row.applicant_type_code);
    return {
      ...c,
      subClauses: keepSub ? [...c.subClauses, { code: row.sub_clause_code!, name: '' }] : c.subClauses,
      applicantTypes: keepType
        ? [...c.applicantTypes, { code: row.applicant_type_code!, name: '' }]
        : c.applicantTypes,
    };
  });
  const addressTypes = ref.addressTypes.map((a) => ({ code: a.code }));
  if (
    row.location_address_type_code &&
    !addressTypes.some((a) => a.code === row.location_address_type_code)
  ) {
    addressTypes.push({ code: row.location_address_type_code });
  }
  return { clauses, addressTypes };
}

/** zod issues → the error envelope's fields (messages are keys the error handler translates). */
export function issueFields(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Parses the form with the shared schema; VALIDATION_FAILED naming every field otherwise. */
export function parseApplicationFields(
  reference: ApplicationReference,
  body: unknown,
  mode: ApplicationSchemaMode,
): ApplicationFields {
  const result = makeApplicationBodySchema(reference, { mode }).safeParse(body);
  if (!result.success) throw new AppError('VALIDATION_FAILED', { fields: issueFields(result.error) });
  return result.data;
}

/** Shape only (no reference data): to compare the fixed fields before the rules of the clause apply. */
export function parseShape(body: unknown): ApplicationFields {
  const result = applicationFieldsSchema.safeParse(body);
  if (!result.success) throw new AppError('VALIDATION_FAILED', { fields: issueFields(result.error) });
  return result.data;
}

/** A division a new record may name: known and enabled. */
async function requireDivision(ctx: ServiceContext, code: string, path: string): Promise<void> {
  const d = await findDivision(ctx, code);
  if (!d || !d.enabled) throw fieldError(path, 'v.division');
}

/**
 * 受理市场监督管理局 on the first save: an enabled bureau whose jurisdiction covers 申请单位所在地 (the list
 * the form offers, reference service findBureausForDivision).
 */
export async function checkNewLocations(ctx: ServiceContext, f: ApplicationFields): Promise<void> {
  await requireDivision(ctx, f.locationDivisionCode, 'locationDivisionCode');
  if (f.useDivisionCode) await requireDivision(ctx, f.useDivisionCode, 'useDivisionCode');
  const offered = await findBureausForDivision(ctx, f.locationDivisionCode);
  if (!offered.some((b) => b.code === f.bureauCode))
    throw fieldError('bureauCode', 'v.application.bureauNotCovering');
}

/**
 * On a later save the bureau is fixed: a changed 申请单位所在地 must still lie in its jurisdiction; a changed
 * 产品最终使用地 must be a known division. Unchanged ones are not re-checked (the reference may have moved on).
 */
export async function checkChangedLocations(
  ctx: ServiceContext,
  f: ApplicationFields,
  row: ApplicationRow,
): Promise<void> {
  if (f.locationDivisionCode !== row.location_division_code) {
    await requireDivision(ctx, f.locationDivisionCode, 'locationDivisionCode');
    const offered = await findBureausForDivision(ctx, f.locationDivisionCode);
    if (!offered.some((b) => b.code === row.bureau_code)) {
      throw fieldError('locationDivisionCode', 'v.application.divisionNotCovered');
    }
  }
  if (f.useDivisionCode && f.useDivisionCode !== row.use_division_code) {
    await requireDivision(ctx, f.useDivisionCode, 'useDivisionCode');
  }
}

/** The bureau still accepts applications (checked on 提交). */
export async function bureauProblem(ctx: ServiceContext, row: ApplicationRow): Promise<string | null> {
  const bureau = await findBureau(ctx, row.bureau_code);
  return bureau?.enabled ? null : 'v.application.bureauUnavailable';
}

/** The stored row as the form's fields. */
export function toFields(row: ApplicationRow): ApplicationFields {
  return {
    clauseCode: row.clause_code,
    subClauseCode: row.sub_clause_code,
    applicantTypeCode: row.applicant_type_code,
    locationDivisionCode: row.location_division_code,
    locationAddressTypeCode: row.location_address_type_code,
    locationAddress: row.location_address,
    useDivisionCode: row.use_division_code,
    useAddress: row.use_address,
    bureauCode: row.bureau_code,
    billOfLadingNo: row.bill_of_lading_no,
    contractNo: row.contract_no,
    invoiceNo: row.invoice_no,
    productFeatures: row.product_features,
    exemptionReason: row.exemption_reason,
    safetyAssurance: row.safety_assurance,
    displayStartDate: row.display_start_date,
    displayEndDate: row.display_end_date,
    postDisplayDisposal: row.post_display_disposal,
  };
}

/** The form's fields as columns. */
export function toColumns(f: ApplicationFields) {
  return {
    clause_code: f.clauseCode,
    sub_clause_code: f.subClauseCode,
    applicant_type_code: f.applicantTypeCode,
    location_division_code: f.locationDivisionCode,
    location_address_type_code: f.locationAddressTypeCode,
    location_address: f.locationAddress,
    use_division_code: f.useDivisionCode,
    use_address: f.useAddress,
    bureau_code: f.bureauCode,
    bill_of_lading_no: f.billOfLadingNo,
    contract_no: f.contractNo,
    invoice_no: f.invoiceNo,
    product_features: f.productFeatures,
    exemption_reason: f.exemptionReason,
    safety_assurance: f.safetyAssurance,
    display_start_date: f.displayStartDate,
    display_end_date: f.displayEndDate,
    post_display_disposal: f.postDisplayDisposal,
  };
}

/** The fields that differ, as audit before/after. */
export function diffFields(
  before: ApplicationFields,
  after: ApplicationFields,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = (Object.keys(after) as (keyof ApplicationFields)[]).filter((k) => before[k] !== after[k]);
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
