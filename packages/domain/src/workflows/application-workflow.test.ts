import { describe, expect, it } from 'vitest';
import {
  applicationActions,
  applicationStatuses,
  applicationWorkflow,
  canApply,
  isEditableStatus,
  nextApplicationStatus,
} from './application-workflow';

describe('application workflow table', () => {
  it('lets the enterprise save, change, delete, submit and withdraw as DOMAIN.md says', () => {
    expect(canApply(null, 'create', 'enterprise')).toBe(true);
    expect(canApply('draft', 'edit', 'enterprise')).toBe(true);
    expect(canApply('returned', 'edit', 'enterprise')).toBe(true);
    expect(canApply('submitted', 'edit', 'enterprise')).toBe(false);
    expect(canApply('draft', 'delete', 'enterprise')).toBe(true);
    expect(canApply('returned', 'delete', 'enterprise')).toBe(false);
    expect(canApply('submitted', 'delete', 'enterprise')).toBe(false);
    expect(nextApplicationStatus('draft', 'submit')).toBe('submitted');
    expect(nextApplicationStatus('returned', 'submit')).toBe('submitted');
    expect(nextApplicationStatus('submitted', 'withdraw')).toBe('draft');
    expect(canApply('under_review', 'withdraw', 'enterprise')).toBe(false);
    expect(nextApplicationStatus('draft', 'edit')).toBe('draft');
    expect(nextApplicationStatus('draft', 'delete')).toBeNull();
  });

  it('keeps the bureau’s decisions to officers, with reasons for return and refusal', () => {
    expect(canApply('submitted', 'accept', 'enterprise')).toBe(false);
    expect(canApply('submitted', 'accept', 'officer')).toBe(true);
    expect(nextApplicationStatus('submitted', 'accept')).toBe('under_review');
    expect(nextApplicationStatus('submitted', 'return')).toBe('returned');
    expect(nextApplicationStatus('under_review', 'return')).toBe('returned');
    expect(nextApplicationStatus('under_review', 'approve')).toBe('issued');
    expect(nextApplicationStatus('under_review', 'refuse')).toBe('refused');
    expect(() => nextApplicationStatus('submitted', 'approve')).toThrow();
    const withReason = applicationWorkflow.filter((t) => t.requiresReason).map((t) => t.event);
    expect(withReason.sort()).toEqual(['refuse', 'return']);
  });

  it('has no way out of the final states for the enterprise', () => {
    for (const s of ['issued', 'refused'] as const) {
      expect(applicationActions(s, 'enterprise')).toEqual(['view']);
    }
  });

  it('lists the actions of each state for the list rows', () => {
    expect(applicationActions('draft', 'enterprise')).toEqual(['view', 'edit', 'delete', 'submit']);
    expect(applicationActions('submitted', 'enterprise')).toEqual(['view', 'withdraw']);
    expect(applicationActions('returned', 'enterprise')).toEqual(['view', 'edit', 'submit']);
    expect(applicationActions('under_review', 'officer')).toEqual(['view', 'return', 'approve', 'refuse']);
  });

  it('names only known states', () => {
    for (const t of applicationWorkflow) {
      for (const s of t.from) expect(applicationStatuses).toContain(s);
      if (t.to && t.to !== 'same') expect(applicationStatuses).toContain(t.to);
    }
    expect(isEditableStatus('draft')).toBe(true);
    expect(isEditableStatus('submitted')).toBe(false);
  });
});
