import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import {
  reportDeadlineBases,
  reportDeadlineBasisLabels,
  reportDeadlinesBodySchema,
  type ReportDeadlineBasis,
  type ReportDeadlineRule,
  type ReportDeadlinesResponse,
} from '@ccc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { ApiError, api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';

const url = '/api/admin/report-deadlines';
const key = ['admin', 'report-deadlines'] as const;

function useReportDeadlines() {
  return useQuery({ queryKey: key, queryFn: () => api.get<ReportDeadlinesResponse>(url) });
}

/** Saves one clause's rule; the answer is every clause again. */
function useSaveReportDeadline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: { clauseCode: string; days: number; basis: ReportDeadlineBasis }) =>
      api.put<ReportDeadlinesResponse>(url, { items: [item] }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}

interface Edit {
  days?: number | null;
  basis?: ReportDeadlineBasis;
}
type RowErrors = Partial<Record<'days' | 'basis' | 'row', string>>;

/**
 * 报告时限: for each clause, the working days within which the holder reports what became of the products, and
 * the date they count from (发证之日, 展示结束之日, 整机出口之日); saved per row. The supervision's overdue list and
 * the reminders count against them.
 */
export function ReportDeadlinesPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const list = useReportDeadlines();
  const save = useSaveReportDeadline();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const basisLabel = (b: ReportDeadlineBasis) =>
    locale === 'zh-CN' ? reportDeadlineBasisLabels[b].zh : reportDeadlineBasisLabels[b].en;

  const daysOf = (r: ReportDeadlineRule): number | null => {
    const e = edits[r.clauseCode];
    return e && 'days' in e ? (e.days ?? null) : r.days;
  };
  const basisOf = (r: ReportDeadlineRule): ReportDeadlineBasis => edits[r.clauseCode]?.basis ?? r.basis;
  const changed = (r: ReportDeadlineRule) => daysOf(r) !== r.days || basisOf(r) !== r.basis;

  function edit(r: ReportDeadlineRule, e: Edit) {
    setEdits((all) => ({ ...all, [r.clauseCode]: { ...all[r.clauseCode], ...e } }));
    setErrors((all) => ({ ...all, [r.clauseCode]: {} }));
  }

  function discard(r: ReportDeadlineRule) {
    setEdits(({ [r.clauseCode]: _, ...rest }) => rest);
    setErrors(({ [r.clauseCode]: _, ...rest }) => rest);
  }

  async function saveRow(r: ReportDeadlineRule) {
    const item = { clauseCode: r.clauseCode, days: daysOf(r), basis: basisOf(r) };
    if (item.days === null) {
      setErrors((all) => ({ ...all, [r.clauseCode]: { days: t('v.required') } }));
      return;
    }
    const parsed = reportDeadlinesBodySchema.safeParse({ items: [item] });
    if (!parsed.success) {
      const rowErrors: RowErrors = {};
      for (const issue of parsed.error.issues) {
        const f = issue.path[2];
        if (f === 'days' || f === 'basis') rowErrors[f] ??= t(issue.message);
        else rowErrors.row ??= t(issue.message);
      }
      setErrors((all) => ({ ...all, [r.clauseCode]: rowErrors }));
      return;
    }
    setSaving(r.clauseCode);
    try {
      await save.mutateAsync(parsed.data.items[0]!);
      discard(r);
      void message.success(
        t('deadlines.saved', { clause: r.clauseCode, days: item.days, basis: basisLabel(item.basis) }),
      );
    } catch (err) {
      const rowErrors: RowErrors = {};
      if (err instanceof ApiError && err.fields.length > 0) {
        for (const f of err.fields) {
          const field = f.path.split('.').pop();
          if (field === 'days' || field === 'basis') rowErrors[field] ??= f.message;
          else rowErrors.row ??= f.message;
        }
      } else rowErrors.row = errorText(err, t);
      setErrors((all) => ({ ...all, [r.clauseCode]: rowErrors }));
    } finally {
      setSaving(null);
    }
  }

  const errorLine = (id: string, text: string | undefined) =>
    text && (
      <div id={id} style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>
        {text}
      </div>
    );

  return (
    <>
      <PageHeader title={t('deadlines.title')} description={t('deadlines.description')} />
      <Card>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error, t)} />
        ) : (
          <Table<ReportDeadlineRule>
            rowKey="clauseCode"
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            size="middle"
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('deadlines.empty') }}
            columns={[
              {
                title: t('deadlines.col.clause'),
                key: 'clause',
                render: (_, r) => (
                  <div>
                    <Typography.Text strong style={{ marginRight: 8 }}>
                      {r.clauseCode}
                    </Typography.Text>
                    <span>{r.clauseName}</span>
                    {errors[r.clauseCode]?.row && (
                      <div role="alert" style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>
                        {errors[r.clauseCode]!.row}
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: t('deadlines.col.days'),
                key: 'days',
                width: 170,
                render: (_, r) => {
                  const error = errors[r.clauseCode]?.days;
                  const id = `deadline-${r.clauseCode}-days-error`;
                  return (
                    <div>
                      <InputNumber
                        value={daysOf(r)}
                        min={1}
                        max={365}
                        precision={0}
                        status={error ? 'error' : undefined}
                        aria-label={t('deadlines.aria.days', { clause: r.clauseCode })}
                        aria-invalid={!!error}
                        aria-describedby={error ? id : undefined}
                        onChange={(v) => edit(r, { days: typeof v === 'number' ? v : null })}
                        onPressEnter={() => void saveRow(r)}
                        suffix={t('deadlines.unit')}
                        style={{ width: 140 }}
                      />
                      {errorLine(id, error)}
                    </div>
                  );
                },
              },
              {
                title: t('deadlines.col.basis'),
                key: 'basis',
                width: 230,
                render: (_, r) => {
                  const error = errors[r.clauseCode]?.basis;
                  const id = `deadline-${r.clauseCode}-basis-error`;
                  return (
                    <div>
                      <Select<ReportDeadlineBasis>
                        value={basisOf(r)}
                        status={error ? 'error' : undefined}
                        aria-label={t('deadlines.aria.basis', { clause: r.clauseCode })}
                        onChange={(v) => edit(r, { basis: v })}
                        options={reportDeadlineBases.map((b) => ({ value: b, label: basisLabel(b) }))}
                        style={{ width: 210 }}
                      />
                      {errorLine(id, error)}
                    </div>
                  );
                },
              },
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
              {
                title: t('common.actions'),
                key: 'actions',
                width: 190,
                render: (_, r) => (
                  <Space size={4}>
                    <Button
                      type="primary"
                      size="small"
                      icon={<SaveOutlined aria-hidden />}
                      disabled={!changed(r)}
                      loading={saving === r.clauseCode}
                      aria-label={t('deadlines.aria.save', { clause: r.clauseCode })}
                      onClick={() => void saveRow(r)}
                    >
                      {t('common.save')}
                    </Button>
                    {changed(r) && (
                      <Button
                        size="small"
                        icon={<UndoOutlined aria-hidden />}
                        aria-label={t('deadlines.aria.discard', { clause: r.clauseCode })}
                        onClick={() => discard(r)}
                      >
                        {t('deadlines.discard')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('deadlines.note')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
