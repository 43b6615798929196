import { Alert, Card, InputNumber, Select, Typography } from 'antd';
import {
  reportDeadlineBases,
  reportDeadlineBasisLabels,
  reportDeadlinesBodySchema,
  type ReportDeadlineBasis,
  type ReportDeadlineRule,
  type ReportDeadlinesResponse,
} from '@ccc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../../components/page-header';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { RowEditableTable, type RowErrors } from '../components/row-editable-table';

const url = '/api/admin/report-deadlines';
const key = ['admin', 'report-deadlines'] as const;

type Field = 'days' | 'basis';
/** One clause's rule as sent. */
interface Item {
  clauseCode: string;
  days: number;
  basis: ReportDeadlineBasis;
}

function useReportDeadlines() {
  return useQuery({ queryKey: key, queryFn: () => api.get<ReportDeadlinesResponse>(url) });
}

/** Saves one clause's rule; the answer is every clause again. */
function useSaveReportDeadline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => api.put<ReportDeadlinesResponse>(url, { items: [item] }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}

/**
 * 报告时限: for each clause, the working days within which the holder reports what became of the products, and
 * the date they count from (发证之日, 展示结束之日, 整机出口之日); saved per row. The supervision's overdue list and
 * the reminders count against them.
 */
export function ReportDeadlinesPage() {
  const { t, locale } = useI18n();
  const list = useReportDeadlines();
  const save = useSaveReportDeadline();
  const basisLabel = (b: ReportDeadlineBasis) =>
    locale === 'zh-CN' ? reportDeadlineBasisLabels[b].zh : reportDeadlineBasisLabels[b].en;

  return (
    <>
      <PageHeader title={t('deadlines.title')} description={t('deadlines.description')} />
      <Card>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error, t)} />
        ) : (
          <RowEditableTable<ReportDeadlineRule, Field, Item>
            rowKey="clauseCode"
            idPrefix="deadline"
            rows={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 900 }}
            emptyText={t('deadlines.empty')}
            head={{
              title: t('deadlines.col.clause'),
              key: 'clause',
              render: (r) => (
                <>
                  <Typography.Text strong style={{ marginRight: 8 }}>
                    {r.clauseCode}
                  </Typography.Text>
                  <span>{r.clauseName}</span>
                </>
              ),
            }}
            fields={[
              {
                field: 'days',
                title: t('deadlines.col.days'),
                width: 170,
                render: (r, cell) => (
                  <InputNumber
                    value={cell.value}
                    min={1}
                    max={365}
                    precision={0}
                    status={cell.error ? 'error' : undefined}
                    aria-label={t('deadlines.aria.days', { clause: r.clauseCode })}
                    aria-invalid={!!cell.error}
                    aria-describedby={cell.error ? cell.errorId : undefined}
                    onChange={(v) => cell.onChange(typeof v === 'number' ? v : null)}
                    onPressEnter={cell.save}
                    suffix={t('deadlines.unit')}
                    style={{ width: 140 }}
                  />
                ),
              },
              {
                field: 'basis',
                title: t('deadlines.col.basis'),
                width: 230,
                render: (r, cell) => (
                  <Select<ReportDeadlineBasis>
                    value={cell.value ?? r.basis}
                    status={cell.error ? 'error' : undefined}
                    aria-label={t('deadlines.aria.basis', { clause: r.clauseCode })}
                    aria-invalid={!!cell.error}
                    aria-describedby={cell.error ? cell.errorId : undefined}
                    onChange={(v) => cell.onChange(v)}
                    options={reportDeadlineBases.map((b) => ({ value: b, label: basisLabel(b) }))}
                    style={{ width: 210 }}
                  />
                ),
              },
            ]}
            trailing={[
              {
                title: t('deadlines.col.updatedAt'),
                key: 'updatedAt',
                width: 150,
                render: (_, r) =>
                  r.updatedAt ? (
                    formatTime(r.updatedAt)
                  ) : (
                    <Typography.Text type="secondary">{t('deadlines.default')}</Typography.Text>
                  ),
              },
            ]}
            actions={{
              width: 190,
              discardText: t('deadlines.discard'),
              saveLabel: (r) => t('deadlines.aria.save', { clause: r.clauseCode }),
              discardLabel: (r) => t('deadlines.aria.discard', { clause: r.clauseCode }),
            }}
            validate={(r, values) => {
              if (values.days === null) return { errors: { days: t('v.required') } };
              const item = { clauseCode: r.clauseCode, days: values.days, basis: values.basis ?? r.basis };
              const parsed = reportDeadlinesBodySchema.safeParse({ items: [item] });
              if (parsed.success) return { body: parsed.data.items[0]! };
              const errors: RowErrors<Field> = {};
              for (const issue of parsed.error.issues) {
                const f = issue.path[2];
                if (f === 'days' || f === 'basis') errors[f] ??= t(issue.message);
                else errors.row ??= t(issue.message);
              }
              return { errors };
            }}
            onSave={async (r, item) => {
              await save.mutateAsync(item);
              return t('deadlines.saved', {
                clause: r.clauseCode,
                days: item.days,
                basis: basisLabel(item.basis),
              });
            }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('deadlines.note')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
