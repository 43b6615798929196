import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsResponse } from '@ccc/domain';
import { api } from '../../lib/api-client';
import { toQueryString } from '../admin/api/query-string';

/** 统计分析: the administrator's national figures (/api/admin) and a bureau's own (/api/bureau). */

export type StatisticsRole = 'admin' | 'officer';

export interface StatisticsFilter {
  /** China dates, both included; absent: the server's default (the last 12 months). */
  from?: string;
  to?: string;
  /** The administrator's bureau filter. */
  bureau?: string;
}

const base = (role: StatisticsRole) =>
  role === 'admin' ? '/api/admin/statistics' : '/api/bureau/statistics';

const query = (role: StatisticsRole, f: StatisticsFilter) =>
  toQueryString({ from: f.from, to: f.to, bureau: role === 'admin' ? f.bureau : undefined });

export const statisticsUrl = (role: StatisticsRole, f: StatisticsFilter) => `${base(role)}${query(role, f)}`;
export const statisticsExportUrl = (role: StatisticsRole, f: StatisticsFilter) =>
  `${base(role)}/export${query(role, f)}`;

export function useStatistics(role: StatisticsRole, filter: StatisticsFilter) {
  return useQuery({
    queryKey: ['statistics', role, filter],
    queryFn: () => api.get<StatisticsResponse>(statisticsUrl(role, filter)),
    placeholderData: keepPreviousData,
  });
}
