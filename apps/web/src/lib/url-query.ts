import { useSearchParams } from 'react-router';

type QueryValue = string | number | undefined;

/** A list's page and page size as the address gives them (page 1, 20 rows when absent or not a number). */
export const pageFromParams = (params: URLSearchParams) => ({
  page: Number(params.get('page') ?? 1) || 1,
  pageSize: Number(params.get('pageSize') ?? 20) || 20,
});

/**
 * A list's query kept in the address, so a refresh or the back button keeps it. `parse` reads the query from
 * the search params; the setter merges a change into it and writes it back, leaving out empty values and
 * those `isDefault` says need not be written.
 */
export function useUrlQuery<Q extends { [K in keyof Q]: QueryValue }>(
  parse: (params: URLSearchParams) => Q,
  isDefault: (key: string, value: unknown) => boolean = () => false,
): [Q, (next: Partial<Q>) => void] {
  const [params, setParams] = useSearchParams();
  const query = parse(params);
  const update = (next: Partial<Q>) => {
    const out = new URLSearchParams();
    const merged: Record<string, QueryValue> = { ...query, ...next };
    for (const [k, v] of Object.entries(merged)) {
      if (v !== undefined && v !== '' && !isDefault(k, v)) out.set(k, String(v));
    }
    setParams(out, { replace: true });
  };
  return [query, update];
}
