import { Card, Empty, Input, Space, Table, Tooltip, Typography } from 'antd';
import { reportDeadlineBasisLabels, type OverdueItem } from '@ccc/domain';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { OrganisationCell } from '../../bureau/components/cells';
import '../../bureau/components/bureau.css';
import { overdueExportUrl, type OverdueListQuery, type useOverdue } from '../api/supervision';
import { ExportButton } from './export-button';
import { useLabel } from './record-tags';

/**
 * 逾期未报告: the bureau's certificates whose reporting deadline has passed without every product reported,
 * with 截止日期 and 逾期天数 (working days, in red); a click opens the case with its certificate.
 */
export function OverdueTab({
  query,
  list,
  onQuery,
}: {
  query: OverdueListQuery;
  list: ReturnType<typeof useOverdue>;
  onQuery: (q: OverdueListQuery) => void;
}) {
  const t = useT();
  const label = useLabel();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const total = list.data?.total ?? 0;
  const caseLink = (r: OverdueItem) => `/bureau/applications/${r.applicationId}`;

  return (
    <Card
      title={t('sup.overdue.list')}
      extra={
        <ExportButton
          url={overdueExportUrl(query)}
          fileName={`${t('sup.overdue.tab')}.xlsx`}
          empty={list.isSuccess && total === 0}
        />
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={query.q ?? ''}
          allowClear
          defaultValue={query.q}
          aria-label={t('sup.filter.keyword')}
          placeholder={t('sup.filter.keyword')}
          style={{ width: 300 }}
          maxLength={100}
          enterButton={t('common.search')}
          onSearch={(v) => onQuery({ ...query, q: v.trim() || undefined, page: 1 })}
        />
        <Typography.Text type="secondary">{t('sup.overdue.hint')}</Typography.Text>
      </Space>
      <Table<OverdueItem>
        rowKey="baseNumber"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        rowClassName="bureau-row-overdue"
        scroll={{ x: 960 }}
        locale={{
          emptyText: list.isError ? (
            <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.overdue.empty')} />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (page, pageSize) =>
            onQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
        }}
        columns={[
          {
            title: t('apps.col.certificateNo'),
            dataIndex: 'certificateNumber',
            width: 160,
            render: (n: string, r) => (
              <Link to={caseLink(r)} state={{ from }} style={{ whiteSpace: 'nowrap' }}>
                {n}
              </Link>
            ),
          },
          {
            title: t('apps.detail.organisation'),
            key: 'organisation',
            render: (_: unknown, r) => (
              <OrganisationCell name={r.organisationName} code={r.organisationCode} />
            ),
          },
          { title: t('sup.col.clause'), dataIndex: 'clauseCode', width: 70 },
          { title: t('bureau.cert.issueDate'), dataIndex: 'issueDate', width: 110 },
          {
            title: t('sup.col.dueOn'),
            dataIndex: 'dueOn',
            width: 130,
            render: (v: string, r) => (
              <Tooltip title={label(reportDeadlineBasisLabels[r.basis])}>
                <span>{v}</span>
              </Tooltip>
            ),
          },
          {
            title: t('sup.col.daysOverdue'),
            dataIndex: 'daysOverdue',
            width: 150,
            render: (n: number) => (
              <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }}>
                {t('sup.overdue.days', { days: n })}
              </Typography.Text>
            ),
          },
          { title: t('sup.col.outstanding'), dataIndex: 'outstanding', width: 110 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 64,
            render: (_: unknown, r) => (
              <Link
                to={caseLink(r)}
                state={{ from }}
                aria-label={`${t('common.view')} ${r.certificateNumber}`}
              >
                {t('common.view')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
