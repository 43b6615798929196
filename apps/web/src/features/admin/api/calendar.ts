import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarResponse, SaveCalendarBody, SaveServiceLevelBody, ServiceLevel } from '@ccc/domain';
import { api } from '../../../lib/api-client';

const calendarKey = ['admin', 'calendar'] as const;
const serviceLevelsKey = ['admin', 'service-levels'] as const;

/** 工作日历: a year's 节假日 and 调休上班 days, and which years are published. */
export function useCalendar(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: () => api.get<CalendarResponse>(`/api/admin/calendar?year=${year}`),
  });
}

export function useSaveCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: SaveCalendarBody }) =>
      api.put<CalendarResponse>(`/api/admin/calendar/${year}`, body),
    onSuccess: async (res) => {
      qc.setQueryData([...calendarKey, res.year], res);
      // The list of years (published flags) shows on every year's page.
      await qc.invalidateQueries({ queryKey: calendarKey, predicate: (q) => q.queryKey[2] !== res.year });
    },
  });
}

/** 服务时限: every enabled bureau's accept and decide limits in working days. */
export function useServiceLevels() {
  return useQuery({
    queryKey: serviceLevelsKey,
    queryFn: () => api.get<{ items: ServiceLevel[] }>('/api/admin/service-levels'),
  });
}

export function useSaveServiceLevel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ bureauCode, body }: { bureauCode: string; body: SaveServiceLevelBody }) =>
      api.put<ServiceLevel>(`/api/admin/service-levels/${encodeURIComponent(bureauCode)}`, body),
    onSuccess: (saved) => {
      qc.setQueryData<{ items: ServiceLevel[] }>(serviceLevelsKey, (old) =>
        old ? { items: old.items.map((s) => (s.bureauCode === saved.bureauCode ? saved : s)) } : old,
      );
    },
  });
}
