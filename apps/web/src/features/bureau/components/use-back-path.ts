import { useLocation } from 'react-router';

/**
 * Where 返回 leads on a bureau page: the list the officer came from (with its tab, filter and page, passed
 * as `state.from` by the link), else `fallback`.
 */
export function useBackPath(fallback: string): string {
  const state: unknown = useLocation().state;
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/bureau') ? from : fallback;
}
