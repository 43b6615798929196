import { BankOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { BureauWorkspace, InboxItem } from '@ccc/domain';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { api } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useInbox, type InboxQuery, type InboxTab } from '../api/review';
import { ClauseText, OrganisationCell, ProductText } from './cells';
import { RecentlyIssued } from './recently-issued';
import { CalendarIncompleteAlert, ClockCell, OverdueTag } from './service-clock';
import './bureau.css';

function queryFromParams(params: URLSearchParams): InboxQuery {
  return {
    status: params.get('tab') === 'under_review' ? 'under_review' : 'submitted',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
}

function paramsFromQuery(q: InboxQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.status !== 'submitted') out.tab = q.status;
  if (q.page !== 1) out.page = String(q.page);
  if (q.pageSize !== 20) out.pageSize = String(q.pageSize);
  return out;
}

/** The bureau's name and service levels above the inbox, with the way to 本局信息. */
function BureauLine() {
  const t = useT();
  const workspace = useQuery({
    queryKey: ['bureau', 'workspace'],
    queryFn: () => api.get<BureauWorkspace>('/api/bureau/workspace'),
  });
  const b = workspace.data;
  if (!b) return null;
  return (
    <Space size={8} wrap>
      <BankOutlined aria-hidden />
      <span>{b.name}</span>
      <span>·</span>
      <span>{t('bureau.serviceLevelText', { accept: b.acceptDays, decide: b.decideDays })}</span>
      <Link to="/bureau/workspace">{t('bureau.cardTitle')}</Link>
    </Space>
  );
}

/**
 * 待办事项 (SPEC §4): the officer's landing page. Two tabs, 待受理 and 审核中, oldest submission first, with
 * the working days used against the service level, 超期 marked; a click opens the case.
 */
export function InboxPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const inbox = useInbox(query);
  const navigate = useNavigate();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const open = (id: string) => void navigate(`/bureau/applications/${id}`, { state: { from } });

  const rows = inbox.data?.items ?? [];
  const counts = inbox.data?.counts;
  const incomplete = rows.some((r) => r.clock.calendarIncomplete);
  const tabLabel = (tab: InboxTab, n: number | undefined) => (
    <Space size={6}>
      {t(`apps.status.${tab}`)}
      <Badge
        count={n ?? 0}
        showZero
        overflowCount={9999}
        color={tab === query.status ? '#1f5fae' : '#bfbfbf'}
        aria-label={t('bureau.inbox.count', { count: n ?? 0 })}
      />
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('bureau.inbox.title')}
        description={<BureauLine />}
        extra={
          <Button icon={<SearchOutlined aria-hidden />} onClick={() => void navigate('/bureau/applications')}>
            {t('bureau.menu.search')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={query.status}
          onChange={(key) => setParams(paramsFromQuery({ ...query, status: key as InboxTab, page: 1 }))}
          items={[
            { key: 'submitted', label: tabLabel('submitted', counts?.submitted) },
            { key: 'under_review', label: tabLabel('under_review', counts?.underReview) },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t(query.status === 'submitted' ? 'bureau.inbox.submittedHint' : 'bureau.inbox.underReviewHint')}
        </Typography.Paragraph>
        {incomplete && (
          <div style={{ marginBottom: 12 }}>
            <CalendarIncompleteAlert />
          </div>
        )}
        <Table<InboxItem>
          rowKey="id"
          size="middle"
          dataSource={rows}
          loading={inbox.isFetching}
          rowClassName={(r) => (r.clock.overdue ? 'bureau-row-overdue bureau-row-link' : 'bureau-row-link')}
          onRow={(r) => ({
            onClick: (e) => {
              // Links and buttons in the row do their own thing.
              if ((e.target as HTMLElement).closest('a, button')) return;
              open(r.id);
            },
          })}
          scroll={{ x: 940 }}
          locale={{
            emptyText: inbox.isError ? (
              <Typography.Text type="danger">{errorText(inbox.error, t)}</Typography.Text>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t(
                  query.status === 'submitted'
                    ? 'bureau.inbox.emptySubmitted'
                    : 'bureau.inbox.emptyUnderReview',
                )}
              />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: inbox.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { total: n }),
            onChange: (page, pageSize) =>
              setParams(
                paramsFromQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
              ),
          }}
          columns={[
            {
              title: t('apps.col.number'),
              dataIndex: 'number',
              width: 186,
              render: (n: string, r) => (
                <Space orientation="vertical" size={2}>
                  <Link to={`/bureau/applications/${r.id}`} state={{ from }} style={{ whiteSpace: 'nowrap' }}>
                    {n}
                  </Link>
                  {(r.resubmitted || r.clock.overdue) && (
                    <Space size={4}>
                      {r.clock.overdue && <OverdueTag />}
                      {r.resubmitted && (
                        <Tooltip title={t('bureau.inbox.resubmittedHint')}>
                          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                            {t('bureau.inbox.resubmitted')}
                          </Tag>
                        </Tooltip>
                      )}
                    </Space>
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
              title: t('apps.col.clause'),
              key: 'clause',
              width: 170,
              render: (_: unknown, r) => <ClauseText code={r.clauseCode} name={r.clauseName} />,
            },
            {
              title: t('apps.col.product'),
              key: 'product',
              width: 140,
              render: (_: unknown, r) => <ProductText name={r.firstProductName} count={r.productCount} />,
            },
            {
              title: t('apps.col.submittedAt'),
              dataIndex: 'submittedAt',
              width: 104,
              render: (v: string, r) => (
                <Tooltip
                  title={
                    r.resubmitted && r.firstSubmittedAt
                      ? t('bureau.inbox.firstSubmitted', {
                          first: formatTime(r.firstSubmittedAt),
                          latest: formatTime(v),
                        })
                      : formatTime(v)
                  }
                >
                  {dayjs(v).format('YYYY-MM-DD')}
                </Tooltip>
              ),
            },
            {
              title: t('bureau.clock.used'),
              key: 'clock',
              width: 116,
              render: (_: unknown, r) => <ClockCell status={r.status} clock={r.clock} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 64,
              render: (_: unknown, r) => (
                <Link to={`/bureau/applications/${r.id}`} state={{ from }}>
                  {t('bureau.review.open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <RecentlyIssued />
    </>
  );
}
