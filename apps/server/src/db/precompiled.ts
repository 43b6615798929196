import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database';

/**
 * A query that runs on every request, compiled once per database and then run with new parameters.
 * Kysely builds and compiles a query afresh on each call, which costs more than running a small
 * indexed query; for the hottest lookups (the session behind every signed-in request) that is the bulk of
 * the work. `build` receives placeholder values and must use every parameter exactly where `run` passes it.
 */
export function precompiled<Params extends readonly unknown[], Row>(
  build: (db: Db, ...placeholders: Params) => Compilable<Row>,
  placeholders: Params,
) {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db: Db, ...params: Params): Promise<Row[]> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...placeholders).compile();
      if (query.parameters.length !== params.length) {
        throw new Error(
          `precompiled query takes ${query.parameters.length} parameters, not ${params.length}`,
        );
      }
      compiled.set(db, query);
    }
    const { rows } = await db.executeQuery<Row>({ ...query, parameters: params });
    return rows;
  };
}
