import { createHash } from 'node:crypto';
import { calendarDayProblems, type CalendarDayKind, type ReferenceValues } from '@ccc/domain';
import { listAllCalendarDays, writeAdminCalendarDays } from '../../calendar/calendar.service';
import type { ColumnDef, DatasetDef, DatasetStore, StoredRow } from '../dataset';

/**
 * 节假日与调休: the working calendar's exceptions, one row per date, no enabled flag. Every write goes
 * through the calendar module, which marks the year as the administrator's.
 */

const columns: ColumnDef[] = [
  { key: 'date', header: '日期', type: 'date', required: true, isKey: true, maxLength: 10, search: true },
  { key: 'kind', header: '类型', type: 'enum', required: true, options: ['holiday', 'workday'] },
  { key: 'name', header: '名称', type: 'text', required: true, maxLength: 50, search: true },
];

type Day = Awaited<ReturnType<typeof listAllCalendarDays>>[number];
const toRow = (d: Day): StoredRow => ({
  key: d.date,
  enabled: true,
  modifiedByAdmin: Number(d.modified_by_admin ?? 0) === 1,
  values: { date: d.date, kind: d.kind, name: d.name },
  updatedAt: d.updated_at,
  edition: null,
});
const toDay = (v: ReferenceValues) => ({
  date: String(v.date),
  kind: String(v.kind) as CalendarDayKind,
  name: String(v.name ?? ''),
});

const store: DatasetStore = {
  editions: async () => [],
  currentEdition: async () => null,
  count: async (db) => (await listAllCalendarDays({ db })).length,
  async list(db, query) {
    let rows = (await listAllCalendarDays({ db })).map(toRow);
    const q = query.q?.trim().toLowerCase();
    if (q) rows = rows.filter((r) => r.key.includes(q) || String(r.values.name).toLowerCase().includes(q));
    // Newest first: the coming year is what an administrator edits.
    rows.reverse();
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  },
  all: async (db) => (await listAllCalendarDays({ db })).map(toRow),
  find: async (db, key) => (await listAllCalendarDays({ db })).map(toRow).find((r) => r.key === key),
  insert: (trx, ctx, rows) =>
    writeAdminCalendarDays(
      trx,
      ctx,
      rows.map((r) => toDay(r.values)),
    ),
  update: (trx, ctx, row) => writeAdminCalendarDays(trx, ctx, [toDay(row.values)]),
  async setEnabled() {
    // No enabled flag: the service refuses before reaching here.
  },
  async externalRevision(db) {
    const days = await listAllCalendarDays({ db });
    return createHash('sha256').update(JSON.stringify(days)).digest('hex').slice(0, 16);
  },
};

export const calendarDaysDataset: DatasetDef = {
  key: 'calendar-days',
  name: '节假日与调休',
  columns,
  hasEnabled: false,
  hasEditions: false,
  keyOf: (v) => String(v.date ?? ''),
  store,
  async checker() {
    // A holiday falls on a weekday, a make-up working day on a weekend (as the calendar module checks).
    return (v) => {
      if (typeof v.date !== 'string' || typeof v.kind !== 'string') return [];
      return calendarDayProblems(Number(v.date.slice(0, 4)), [{ date: v.date, kind: v.kind }]).map((p) => ({
        column: p.message.includes('OnWeek') ? 'kind' : 'date',
        message: p.message,
      }));
    };
  },
};
