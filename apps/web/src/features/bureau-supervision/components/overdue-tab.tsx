import { Tooltip, Typography } from 'antd';
import { reportDeadlineBasisLabels, type OverdueItem } from '@ccc/domain';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../lib/i18n';
import { OrganisationCell } from '../../bureau/components/cells';
import { overdueExportUrl, type OverdueListQuery, type useOverdue } from '../api/supervision';
import { useLabel } from './record-tags';
import { SupervisionListTab } from './supervision-list-tab';

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
  const caseLink = (r: OverdueItem) => `/bureau/applications/${r.applicationId}`;

  return (
    <SupervisionListTab
      title={t('sup.overdue.list')}
      exportUrl={overdueExportUrl(query)}
      exportName={`${t('sup.overdue.tab')}.xlsx`}
      query={query}
      list={list}
      onQuery={onQuery}
      hint={<Typography.Text type="secondary">{t('sup.overdue.hint')}</Typography.Text>}
      emptyText={t('sup.overdue.empty')}
      table={{
        rowKey: 'baseNumber',
        rowClassName: 'bureau-row-overdue',
        columns: [
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
        ],
      }}
    />
  );
}
