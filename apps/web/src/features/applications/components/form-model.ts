import type { FormInstance, FormRule } from 'antd';
import type { ApplicationBody, ApplicationDetail } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api-client';
import type { TFunction } from '../../../lib/i18n';

/** The application form's values: the body of the API, with the display period as one range. */
export interface ApplicationFormValues {
  clauseCode?: string;
  subClauseCode?: string | null;
  applicantTypeCode?: string | null;
  locationDivisionCode?: string;
  locationAddressTypeCode?: string | null;
  locationAddress?: string | null;
  useDivisionCode?: string | null;
  useAddress?: string | null;
  bureauCode?: string;
  billOfLadingNo?: string | null;
  contractNo?: string | null;
  invoiceNo?: string | null;
  productFeatures?: string | null;
  exemptionReason?: string | null;
  safetyAssurance?: string | null;
  /** 展示期限 (clause 04). */
  displayPeriod?: [Dayjs | null, Dayjs | null] | null;
  postDisplayDisposal?: string | null;
}

export type FormField = keyof ApplicationFormValues;

/** The form field that shows a path of the API (the two dates are one range picker). */
export function formFieldOf(path: string): FormField {
  return path === 'displayStartDate' || path === 'displayEndDate' ? 'displayPeriod' : (path as FormField);
}

export function toBody(v: ApplicationFormValues): ApplicationBody {
  const [start, end] = v.displayPeriod ?? [null, null];
  return {
    clauseCode: v.clauseCode as string,
    subClauseCode: v.subClauseCode ?? null,
    applicantTypeCode: v.applicantTypeCode ?? null,
    locationDivisionCode: v.locationDivisionCode as string,
    locationAddressTypeCode: v.locationAddressTypeCode ?? null,
    locationAddress: v.locationAddress ?? null,
    useDivisionCode: v.useDivisionCode ?? null,
    useAddress: v.useAddress ?? null,
    bureauCode: v.bureauCode as string,
    billOfLadingNo: v.billOfLadingNo ?? null,
    contractNo: v.contractNo ?? null,
    invoiceNo: v.invoiceNo ?? null,
    productFeatures: v.productFeatures ?? null,
    exemptionReason: v.exemptionReason ?? null,
    safetyAssurance: v.safetyAssurance ?? null,
    displayStartDate: start ? start.format('YYYY-MM-DD') : null,
    displayEndDate: end ? end.format('YYYY-MM-DD') : null,
    postDisplayDisposal: v.postDisplayDisposal ?? null,
  };
}

export function toFormValues(d: ApplicationDetail): ApplicationFormValues {
  const f = d.fields;
  return {
    ...f,
    displayPeriod:
      f.displayStartDate || f.displayEndDate
        ? [
            f.displayStartDate ? dayjs(f.displayStartDate) : null,
            f.displayEndDate ? dayjs(f.displayEndDate) : null,
          ]
        : null,
  };
}

/**
 * The rule of one form field from the shared application schema (made from the reference data): the whole
 * form is parsed as the server would parse it, and only the issues of this field's paths are reported,
 * with the same messages.
 */
export function applicationRule(schema: z.ZodType, field: FormField, t: TFunction): FormRule {
  const paths = field === 'displayPeriod' ? ['displayStartDate', 'displayEndDate'] : [field];
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const body = toBody(getFieldsValue(true) as ApplicationFormValues);
      const result = schema.safeParse(body);
      if (result.success) return;
      const issue = result.error.issues.find((i) => paths.includes(i.path.join('.')));
      if (!issue) return;
      // The schema's messages are keys; zod's own (a type error of an untouched field) are not: "required".
      throw new Error(t(/^[ve]\./.test(issue.message) ? issue.message : 'v.required'));
    },
  });
}

/** The server's field errors onto the form (those the form has); returns the ones it could place. */
export function placeServerErrors(
  form: FormInstance<ApplicationFormValues>,
  fields: { path: string; message: string }[],
): FormField[] {
  const byField = new Map<FormField, string[]>();
  for (const f of fields) {
    const name = formFieldOf(f.path);
    if (!isFormField(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return [...byField.keys()];
}

const formFields: readonly FormField[] = [
  'clauseCode',
  'subClauseCode',
  'applicantTypeCode',
  'locationDivisionCode',
  'locationAddressTypeCode',
  'locationAddress',
  'useDivisionCode',
  'useAddress',
  'bureauCode',
  'billOfLadingNo',
  'contractNo',
  'invoiceNo',
  'productFeatures',
  'exemptionReason',
  'safetyAssurance',
  'displayPeriod',
  'postDisplayDisposal',
];

export function isFormField(name: string): name is FormField {
  return (formFields as readonly string[]).includes(name);
}

/** Validation errors of a failed request, for the form (VALIDATION_FAILED and APPLICATION_INCOMPLETE). */
export function fieldErrorsOf(err: unknown): { path: string; message: string }[] {
  return err instanceof ApiError ? err.fields : [];
}
