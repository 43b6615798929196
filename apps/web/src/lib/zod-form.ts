import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import type { TFunction } from './i18n';
import { ApiError } from './api-client';

/**
 * antd rules from the shared zod schema: the same rules the server applies, with the same messages.
 * `field` is a key of the object schema; the whole form's values are validated so refinements that
 * look at other fields (e.g. confirmPassword) work too, and only this field's issues are reported.
 */
export function zodRule(schema: z.ZodType, field: string, t: TFunction): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const values = getFieldsValue(true) as Record<string, unknown>;
      const result = schema.safeParse(values);
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.path.join('.') === field);
      if (!issue) return;
      // A field never touched is undefined: zod reports a type error in English; the user needs "required".
      const empty = values[field] === undefined || values[field] === null;
      throw new Error(t(issue.code === 'invalid_type' && empty ? 'v.required' : issue.message));
    },
  });
}

/** Puts the server's field errors onto the form; returns true when there were any. */
export function applyServerErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  form.setFields(err.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
  form.scrollToField(err.fields[0]!.path.split('.'));
  return true;
}
