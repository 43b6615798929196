import { describe, expect, it } from 'vitest';
import {
  canApplyModification,
  modificationEvents,
  modificationStatuses,
  nextModificationStatus,
} from './modification-workflow';

describe('modification workflow table', () => {
  it('allows the documented path and nothing after approval or refusal', () => {
    expect(canApplyModification(null, 'create', 'enterprise')).toBe(true);
    expect(nextModificationStatus('draft', 'submit')).toBe('submitted');
    expect(nextModificationStatus('submitted', 'return')).toBe('returned');
    expect(nextModificationStatus('returned', 'edit')).toBe('returned');
    expect(nextModificationStatus('returned', 'submit')).toBe('submitted');
    expect(nextModificationStatus('submitted', 'approve')).toBe('approved');
    expect(nextModificationStatus('submitted', 'refuse')).toBe('refused');
    for (const status of ['approved', 'refused'] as const) {
      for (const event of modificationEvents) {
        for (const role of ['enterprise', 'officer', 'admin'] as const) {
          expect(canApplyModification(status, event, role), `${status} ${event} ${role}`).toBe(false);
        }
      }
    }
  });

  it('keeps the roles apart', () => {
    for (const status of modificationStatuses) {
      expect(canApplyModification(status, 'approve', 'enterprise')).toBe(false);
      expect(canApplyModification(status, 'submit', 'officer')).toBe(false);
    }
    expect(canApplyModification('submitted', 'edit', 'enterprise')).toBe(false);
    expect(() => nextModificationStatus('draft', 'approve')).toThrow();
  });
});
