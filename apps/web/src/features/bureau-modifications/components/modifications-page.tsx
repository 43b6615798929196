import { Badge, Card, Empty, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { BureauModificationItem } from '@ccc/domain';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { OrganisationCell } from '../../bureau/components/cells';
import '../../bureau/components/bureau.css';
import {
  modificationTabs,
  useBureauModifications,
  usePendingModificationCount,
  type ModificationListQuery,
  type ModificationTab,
} from '../api/modifications';
import { ModificationStatusTag } from './modification-status-tag';

function queryFromParams(params: URLSearchParams): ModificationListQuery {
  const tab = params.get('tab');
  return {
    tab: (modificationTabs as readonly string[]).includes(tab ?? '') ? (tab as ModificationTab) : 'submitted',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
}

function paramsFromQuery(q: ModificationListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.tab !== 'submitted') out.tab = q.tab;
  if (q.page !== 1) out.page = String(q.page);
  if (q.pageSize !== 20) out.pageSize = String(q.pageSize);
  return out;
}

const day = (v: string | null) =>
  v ? <Tooltip title={formatTime(v)}>{dayjs(v).format('YYYY-MM-DD')}</Tooltip> : '—';

/**
 * 修改申请 (SPEC §3.8, §4): the certificate-modification requests sent to the bureau, 待审核 first, each tab
 * oldest submission first; a click opens the request with its field-by-field comparison.
 */
export function ModificationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const list = useBureauModifications(query);
  const pending = usePendingModificationCount();
  const navigate = useNavigate();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const path = (id: string) => `/bureau/modifications/${id}`;

  const tabLabel = (tab: ModificationTab) =>
    tab === 'submitted' ? (
      <Space size={6}>
        {t('bmod.tab.submitted')}
        <Badge
          count={pending.data ?? 0}
          showZero
          overflowCount={9999}
          color={query.tab === 'submitted' ? '#1f5fae' : '#bfbfbf'}
          aria-label={t('bmod.pendingCount', { count: pending.data ?? 0 })}
        />
      </Space>
    ) : (
      t(`bmod.tab.${tab}`)
    );

  return (
    <>
      <PageHeader title={t('bmod.title')} description={t('bmod.description')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={query.tab}
          onChange={(key) => setParams(paramsFromQuery({ ...query, tab: key as ModificationTab, page: 1 }))}
          items={modificationTabs.map((tab) => ({ key: tab, label: tabLabel(tab) }))}
        />
        <Table<BureauModificationItem>
          rowKey="id"
          size="middle"
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          rowClassName="bureau-row-link"
          onRow={(r) => ({
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('a, button')) return;
              void navigate(path(r.id), { state: { from } });
            },
          })}
          scroll={{ x: 900 }}
          locale={{
            emptyText: list.isError ? (
              <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t(query.tab === 'submitted' ? 'bmod.emptySubmitted' : 'bmod.empty')}
              />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { total: n }),
            onChange: (page, pageSize) =>
              setParams(
                paramsFromQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
              ),
          }}
          columns={[
            {
              title: t('bmod.col.certificate'),
              dataIndex: 'certificateNumber',
              width: 170,
              render: (n: string, r) => (
                <Space orientation="vertical" size={2}>
                  <Link to={path(r.id)} state={{ from }} style={{ whiteSpace: 'nowrap' }}>
                    {n}
                  </Link>
                  {r.newCertificateNumber && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {t('bmod.newNumberShort', { number: r.newCertificateNumber })}
                    </Typography.Text>
                  )}
                </Space>
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
              title: t('bmod.col.application'),
              dataIndex: 'applicationNumber',
              width: 170,
            },
            {
              title: t('apps.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: BureauModificationItem['status']) => <ModificationStatusTag status={s} />,
            },
            { title: t('apps.col.submittedAt'), dataIndex: 'submittedAt', width: 104, render: day },
            { title: t('bmod.col.decidedAt'), dataIndex: 'decidedAt', width: 104, render: day },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 64,
              render: (_: unknown, r) => (
                <Link to={path(r.id)} state={{ from }}>
                  {r.status === 'submitted' ? t('bureau.review.open') : t('common.view')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
