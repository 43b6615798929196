import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEntry } from '@ccc/domain';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { download } from '../../applications/api/download';
import { auditExportUrl, auditFilterKeys, useAuditSearch, type AuditSearch } from '../api/audit';
import { AuditChange } from './audit-change';
import { AuditFilter } from './audit-filter';
import { actionLabel, entityLabel, roleLabel } from './audit-labels';

function searchFromParams(params: URLSearchParams): AuditSearch {
  const q: AuditSearch = {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
  for (const k of auditFilterKeys) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  return q;
}

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** 审计日志: who did what, when, from where; searched and paged on the server, exported with the same query. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => searchFromParams(params), [params]);
  const list = useAuditSearch(query);
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const { page: _page, pageSize: _size, ...filter } = query;
  const filterKey = JSON.stringify(filter);

  const setQuery = (next: Partial<AuditSearch>) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...next })) {
      if (v !== undefined && v !== '') out.set(k, String(v));
    }
    if (out.get('page') === '1') out.delete('page');
    if (out.get('pageSize') === '20') out.delete('pageSize');
    setParams(out, { replace: true });
  };

  async function exportFile(format: 'xlsx' | 'csv') {
    setExporting(format);
    const hide = message.loading(t('audit.exporting'), 0);
    try {
      await download(auditExportUrl(query, format), locale, `${t('audit.title')}.${format}`);
      void message.success(t('audit.exported'));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      hide();
      setExporting(null);
    }
  }

  const small = { fontSize: 12 };
  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      width: 108,
      render: (v: string) => (
        <div style={{ lineHeight: 1.4, whiteSpace: 'nowrap' }}>
          <div>{dayjs(v).format('YYYY-MM-DD')}</div>
          <Typography.Text type="secondary" style={small}>
            {dayjs(v).format('HH:mm:ss')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.col.actor'),
      dataIndex: 'actorUsername',
      width: 100,
      render: (v: string | null) =>
        v ? <Typography.Text style={{ wordBreak: 'break-all' }}>{v}</Typography.Text> : dash,
    },
    {
      title: t('audit.col.role'),
      dataIndex: 'actorRole',
      width: 80,
      render: (v: string | null) => roleLabel(v, locale),
    },
    {
      title: t('audit.col.organisation'),
      key: 'organisation',
      render: (_, r) =>
        r.organisation ? (
          <Tooltip title={r.organisation.code}>
            <span>{r.organisation.name ?? r.organisation.code ?? r.organisation.id}</span>
          </Tooltip>
        ) : (
          dash
        ),
    },
    {
      title: t('audit.col.bureau'),
      key: 'bureau',
      width: 112,
      render: (_, r) => (r.bureau ? (r.bureau.name ?? r.bureau.code) : dash),
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      width: 176,
      render: (_, r) => (
        <div style={{ lineHeight: 1.4 }}>
          <Typography.Text ellipsis={{ tooltip: r.entityLabel ?? r.entityId }} style={{ maxWidth: 160 }}>
            {r.entityLabel ?? (r.entityId ? r.entityId.slice(0, 8) : '—')}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={small}>
              {entityLabel(r.entityType, locale)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 104,
      render: (v: string, r) => (
        <Tooltip title={v}>
          <span>{actionLabel(v, locale, r.actionLabel)}</span>
        </Tooltip>
      ),
    },
    {
      title: 'IP',
      dataIndex: 'ip',
      width: 112,
      render: (v: string | null) => (v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : dash),
    },
  ];

  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFilter key={filterKey} query={query} onSearch={(f) => setQuery({ ...f, page: 1 })} />
      <Card
        title={t('audit.list')}
        extra={
          <Space>
            <Tooltip title={t('audit.exportHint', { max: AUDIT_EXPORT_MAX_ROWS })}>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                loading={exporting === 'xlsx'}
                disabled={exporting !== null || (list.isSuccess && total === 0)}
                onClick={() => void exportFile('xlsx')}
              >
                {t('audit.exportExcel')}
              </Button>
            </Tooltip>
            <Button
              loading={exporting === 'csv'}
              disabled={exporting !== null || (list.isSuccess && total === 0)}
              onClick={() => void exportFile('csv')}
            >
              {t('audit.exportCsv')}
            </Button>
          </Space>
        }
      >
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 940 }}
          expandable={{
            expandedRowRender: (r) => <AuditChange entry={r} />,
            columnWidth: 40,
          }}
          locale={{
            emptyText: list.isError ? (
              <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { total: n }),
            onChange: (page, pageSize) =>
              setQuery({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
