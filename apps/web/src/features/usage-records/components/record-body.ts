import type { RecordBody, RecordKind } from '@ccc/domain';
import { iso, type FormValues } from './record-fields';

/** Every field of the record forms, to clear their errors before a new check. */
export const recordFormFields = [
  'userName',
  'userAddress',
  'userContact',
  'userPhone',
  'period',
  'description',
  'declarationNo',
  'exportDate',
  'method',
  'witness',
] as const satisfies readonly (keyof FormValues)[];

/** The body sent for a record of this kind: the form's fields and the grid's lines (none for 核销). */
export function recordBody(
  kind: RecordKind,
  v: FormValues,
  sent: { lineNo: number; quantity: string; date: string | null }[],
): RecordBody {
  switch (kind) {
    case 'usage':
      return {
        kind,
        userName: v.userName ?? '',
        userAddress: v.userAddress ?? '',
        userContact: v.userContact ?? '',
        userPhone: v.userPhone ?? null,
        periodStart: iso(v.period?.[0]),
        periodEnd: iso(v.period?.[1]),
        description: v.description ?? '',
        lines: sent.map(({ lineNo, quantity }) => ({ lineNo, quantity, date: null })),
      };
    case 'reexport':
      return {
        kind,
        declarationNo: v.declarationNo ?? '',
        description: v.description ?? null,
        lines: sent.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, date: l.date ?? '' })),
      };
    case 'destruction':
      return {
        kind,
        method: v.method ?? '',
        witness: v.witness ?? '',
        description: v.description ?? null,
        lines: sent.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, date: l.date ?? '' })),
      };
    case 'writeoff':
      return {
        kind,
        declarationNo: v.declarationNo ?? '',
        exportDate: iso(v.exportDate),
        description: v.description ?? null,
      };
  }
}
