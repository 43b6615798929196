import { describe, expect, it } from 'vitest';
import { recordBodySchema } from '../schemas/usage-records';
import {
  canApplyRecordEvent,
  nextRecordStatus,
  recordActions,
  recordKindsForClause,
} from './record-workflow';

describe('record workflow', () => {
  it('follows 未提交 → 已提交 → 已核查 / 已退回 → 已提交, by role', () => {
    expect(canApplyRecordEvent(null, 'create', 'enterprise')).toBe(true);
    expect(canApplyRecordEvent(null, 'create', 'officer')).toBe(false);
    expect(nextRecordStatus('draft', 'submit')).toBe('submitted');
    expect(nextRecordStatus('submitted', 'verify')).toBe('verified');
    expect(nextRecordStatus('submitted', 'return')).toBe('returned');
    expect(nextRecordStatus('returned', 'edit')).toBe('returned');
    expect(nextRecordStatus('returned', 'submit')).toBe('submitted');
    expect(nextRecordStatus('draft', 'delete')).toBeNull();
    expect(() => nextRecordStatus('verified', 'edit')).toThrow();
    expect(() => nextRecordStatus('returned', 'delete')).toThrow();
    expect(canApplyRecordEvent('submitted', 'verify', 'enterprise')).toBe(false);
    expect(recordActions('draft', 'enterprise')).toEqual(['view', 'edit', 'delete', 'submit']);
    expect(recordActions('submitted', 'officer')).toEqual(['view', 'verify', 'return']);
    expect(recordActions('verified', 'enterprise')).toEqual(['view']);
  });

  it('offers the write-off to clause 05 only', () => {
    expect(recordKindsForClause('03')).toEqual(['usage', 'reexport', 'destruction']);
    expect(recordKindsForClause('05')).toContain('writeoff');
  });

  it('validates the bodies per kind', () => {
    const ok = recordBodySchema.safeParse({
      kind: 'reexport',
      declarationNo: 'D1',
      lines: [{ lineNo: 1, quantity: '0.1', date: '2026-03-02' }],
    });
    expect(ok.success).toBe(true);
    const noDate = recordBodySchema.safeParse({
      kind: 'destruction',
      method: 'm',
      witness: 'w',
      lines: [{ lineNo: 1, quantity: '1' }],
    });
    expect(noDate.success).toBe(false);
    const empty = recordBodySchema.safeParse({ kind: 'reexport', declarationNo: 'D1', lines: [] });
    expect(empty.error?.issues[0]?.message).toBe('v.record.lines');
    const writeoff = recordBodySchema.safeParse({
      kind: 'writeoff',
      declarationNo: 'D',
      exportDate: '2026-03-02',
    });
    expect(writeoff.success && writeoff.data.lines).toEqual([]);
  });
});
