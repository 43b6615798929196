/**
 * A unique constraint refused the row: SQLite (better-sqlite3) and PostgreSQL (pg) report it differently.
 * `hint` is a column or constraint name that the message must mention, to tell one constraint from another.
 */
export function isUniqueViolation(err: unknown, hint: string): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; constraint?: unknown; detail?: unknown };
  const unique =
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique) return false;
  const text = [e.message, e.constraint, e.detail].filter((x) => typeof x === 'string').join(' ');
  return text.includes(hint);
}
