import {
  compareDecimals,
  fromThousandths,
  reportedRecordStatuses,
  toThousandths,
  translate,
  type Locale,
  type RecordProduct,
} from '@ccc/domain';
import type { CertificateProductLine } from '../certificates/certificate-content';
import type { LedgerLineRow } from './usage-records.repository';

/**
 * The quantity ledger of a certificate number (SPEC §3.9): per product line of the current version, used +
 * re-exported + destroyed over every record not deleted (drafts included) never exceeds the certified
 * quantity. Exact: quantities are summed as integer thousandths (decimal.ts).
 */

const KIND_COLUMN = { usage: 'used', reexport: 'reexported', destruction: 'destroyed' } as const;
const REPORTED = new Set<string>(reportedRecordStatuses);

export function computeLedger(
  products: readonly CertificateProductLine[],
  lines: readonly LedgerLineRow[],
): RecordProduct[] {
  const sums = new Map<number, { used: bigint; reexported: bigint; destroyed: bigint; reported: bigint }>();
  for (const p of products) sums.set(p.lineNo, { used: 0n, reexported: 0n, destroyed: 0n, reported: 0n });
  for (const l of lines) {
    const s = sums.get(l.line_no);
    const column = KIND_COLUMN[l.kind as keyof typeof KIND_COLUMN];
    if (!s || !column) continue;
    const q = toThousandths(l.quantity);
    s[column] += q;
    if (REPORTED.has(l.status)) s.reported += q;
  }
  return products.map((p) => {
    const s = sums.get(p.lineNo)!;
    const certified = toThousandths(p.quantity);
    return {
      lineNo: p.lineNo,
      hsCode: p.hsCode,
      productName: p.productName,
      model: p.model,
      unit: p.unit,
      certified: p.quantity,
      used: fromThousandths(s.used),
      reexported: fromThousandths(s.reexported),
      destroyed: fromThousandths(s.destroyed),
      remaining: fromThousandths(certified - s.used - s.reexported - s.destroyed),
      reported: fromThousandths(s.reported),
    };
  });
}

/** Every line's submitted-or-verified quantity has reached its certified quantity. */
export function allLinesReported(products: readonly RecordProduct[]): boolean {
  return products.every((p) => compareDecimals(p.reported, p.certified) >= 0);
}

export interface LedgerProblem {
  path: string;
  message: string;
}

/**
 * The lines of a record checked against the ledger of the OTHER records (`others`: every line not of this
 * record). Returns one problem per line that would take its product over the certified quantity, with the
 * numbers in the user's language.
 */
export function ledgerProblems(
  locale: Locale,
  products: readonly CertificateProductLine[],
  others: readonly LedgerLineRow[],
  lines: readonly { lineNo: number; quantity: string }[],
): LedgerProblem[] {
  const ledger = new Map(computeLedger(products, others).map((p) => [p.lineNo, p]));
  const problems: LedgerProblem[] = [];
  lines.forEach((line, i) => {
    const p = ledger.get(line.lineNo);
    if (!p) return;
    const reported = toThousandths(p.certified) - toThousandths(p.remaining);
    const remaining = toThousandths(p.remaining);
    if (toThousandths(line.quantity) > remaining) {
      problems.push({
        path: `lines.${i}.quantity`,
        message: translate(locale, 'v.record.exceeds', {
          lineNo: line.lineNo,
          certified: p.certified,
          reported: fromThousandths(reported),
          current: line.quantity,
          remaining: fromThousandths(remaining < 0n ? 0n : remaining),
        }),
      });
    }
  });
  return problems;
}
