import type { Role } from '../roles';

/**
 * A state machine given as a table of transitions, the shape shared by applications, certificate
 * modifications and usage records. The server enforces the table (each change is a compare-and-set on a
 * `from` state); the web app reads it for its buttons.
 */
export interface Transition<S extends string, E extends string> {
  event: E;
  /** The states the event is allowed from; [] for `create` (nothing exists yet). */
  from: readonly S[];
  /** The state after the event; `null` when the record is gone (delete); `'same'` when it stays. */
  to: S | 'same' | null;
  roles: readonly Role[];
  /** A reason must be given (and is shown to the other party). */
  requiresReason: boolean;
  /** The button text of the manual, and its English. */
  label: { zh: string; en: string };
}

export interface Workflow<S extends string, E extends string> {
  transition: (event: E) => Transition<S, E>;
  /** Whether `role` may apply `event` in `status` (`null`: nothing exists yet). */
  can: (status: S | null, event: E, role: Role) => boolean;
  /** The state after `event` from `status` (`null`: gone); throws when the table does not allow it. */
  next: (status: S, event: E) => S | null;
  /** 查看 always, then each event other than `create` that `role` may apply in `status`. */
  actions: (status: S, role: Role) => ('view' | Exclude<E, 'create'>)[];
}

export function defineWorkflow<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
): Workflow<S, E> {
  const byEvent = new Map(table.map((t) => [t.event, t]));
  return {
    transition: (event) => byEvent.get(event)!,
    can(status, event, role) {
      const t = byEvent.get(event);
      if (!t || !t.roles.includes(role)) return false;
      return status === null ? t.from.length === 0 : t.from.includes(status);
    },
    next(status, event) {
      const t = byEvent.get(event);
      if (!t || !t.from.includes(status)) throw new Error(`${event} is not allowed from ${status}`);
      return t.to === 'same' ? status : t.to;
    },
    actions(status, role) {
      const events = table
        .filter((t) => t.event !== 'create' && t.roles.includes(role) && t.from.includes(status))
        .map((t) => t.event as Exclude<E, 'create'>);
      return ['view', ...events];
    },
  };
}
