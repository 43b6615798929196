import { Button, Select, Tooltip } from 'antd';
import { recordKindLabels, recordKinds, recordStatusLabels, type SupervisionRecordItem } from '@ccc/domain';
import dayjs from 'dayjs';
import { useT } from '../../../lib/i18n';
import { formatTime } from '../../admin/components/format';
import { OrganisationCell } from '../../bureau/components/cells';
import {
  recordsExportUrl,
  supervisionStatuses,
  type RecordsQuery,
  type SupervisionStatus,
} from '../api/supervision';
import type { useSupervisionRecords } from '../api/supervision';
import { RecordKindTag, RecordStatusTag, useLabel } from './record-tags';
import { SupervisionListTab } from './supervision-list-tab';

/**
 * 待核查记录: the records the bureau's enterprises sent, oldest first, filtered by 记录类型 and 状态 (已提交 by
 * default) and by a keyword; a click opens the record in the drawer.
 */
export function RecordsTab({
  query,
  list,
  onQuery,
  onOpen,
}: {
  query: RecordsQuery;
  list: ReturnType<typeof useSupervisionRecords>;
  onQuery: (q: RecordsQuery) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const label = useLabel();
  const timeColumn: Record<SupervisionStatus, 'submittedAt' | 'verifiedAt' | 'returnedAt'> = {
    submitted: 'submittedAt',
    verified: 'verifiedAt',
    returned: 'returnedAt',
  };

  return (
    <SupervisionListTab
      title={t('sup.records.list')}
      exportUrl={recordsExportUrl(query)}
      exportName={`${t('sup.records.tab')}.xlsx`}
      query={query}
      list={list}
      onQuery={onQuery}
      filters={
        <>
          <Select<RecordsQuery['kind'] | ''>
            aria-label={t('sup.filter.kind')}
            style={{ width: 160 }}
            value={query.kind ?? ''}
            onChange={(v) => onQuery({ ...query, kind: v || undefined, page: 1 })}
            options={[
              { value: '', label: t('sup.filter.allKinds') },
              ...recordKinds.map((k) => ({ value: k, label: label(recordKindLabels[k]) })),
            ]}
          />
          <Select<SupervisionStatus>
            aria-label={t('sup.filter.status')}
            style={{ width: 140 }}
            value={query.status}
            onChange={(v) => onQuery({ ...query, status: v, page: 1 })}
            options={supervisionStatuses.map((s) => ({
              value: s,
              label: s === 'submitted' ? t('sup.filter.pending') : label(recordStatusLabels[s]),
            }))}
          />
        </>
      }
      emptyText={t(query.status === 'submitted' ? 'sup.records.emptyPending' : 'sup.records.empty')}
      table={{
        rowKey: 'id',
        rowClassName: 'bureau-row-link',
        onRow: (r) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a, button')) return;
            onOpen(r.id);
          },
        }),
        columns: [
          {
            title: t('apps.col.certificateNo'),
            dataIndex: 'certificateNumber',
            width: 160,
            render: (n: string, r) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)}>
                {n}
              </Button>
            ),
          },
          {
            title: t('apps.detail.organisation'),
            key: 'organisation',
            render: (_: unknown, r) => (
              <OrganisationCell name={r.organisationName} code={r.organisationCode} />
            ),
          },
          {
            title: t('sup.col.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: SupervisionRecordItem['kind']) => <RecordKindTag kind={k} />,
          },
          {
            title: t('sup.col.products'),
            key: 'products',
            width: 170,
            render: (_: unknown, r) =>
              r.kind === 'writeoff' && r.lineCount === 0
                ? t('sup.col.noQuantities')
                : t('sup.col.productsText', { count: r.lineCount, total: r.totalQuantity }),
          },
          {
            title: t(`sup.col.time.${query.status}`),
            key: 'time',
            width: 110,
            render: (_: unknown, r) => {
              const v = r[timeColumn[query.status]] ?? r.submittedAt;
              return v ? <Tooltip title={formatTime(v)}>{dayjs(v).format('YYYY-MM-DD')}</Tooltip> : '—';
            },
          },
          {
            title: t('apps.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: SupervisionRecordItem['status']) => <RecordStatusTag status={s} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 72,
            render: (_: unknown, r) => {
              const text = r.status === 'submitted' ? t('sup.action.check') : t('common.view');
              return (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  aria-label={`${text} ${r.certificateNumber}`}
                  onClick={() => onOpen(r.id)}
                >
                  {text}
                </Button>
              );
            },
          },
        ],
      }}
    />
  );
}
