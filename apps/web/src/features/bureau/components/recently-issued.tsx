import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Table, Typography } from 'antd';
import type { BureauSearchItem } from '@ccc/domain';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useBureauSearch, type SearchQuery } from '../api/review';
import { CertificateStatusTag } from '../../applications/components/certificate-status-tag';
import { OrganisationCell } from './cells';

const query: SearchQuery = { status: 'issued', page: 1, pageSize: 5 };

/**
 * 已发证申请 under the inbox: the latest few, so that a certificate just issued (to preview, to revoke) is
 * one click away; 查看全部 opens 申请查询 with the same filter.
 */
export function RecentlyIssued() {
  const t = useT();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const list = useBureauSearch(query);
  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <Space>
          <SafetyCertificateOutlined aria-hidden />
          {t('bureau.recent.title')}
        </Space>
      }
      extra={<Link to="/bureau/applications?status=issued">{t('bureau.recent.all')}</Link>}
    >
      <Table<BureauSearchItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 820 }}
        locale={{
          emptyText: list.isError ? (
            <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bureau.recent.empty')} />
          ),
        }}
        columns={[
          {
            title: t('apps.col.certificateNo'),
            dataIndex: 'certificateNumber',
            width: 150,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('bureau.cert.statusLabel'),
            dataIndex: 'certificateStatus',
            width: 150,
            render: (s: BureauSearchItem['certificateStatus']) =>
              s ? <CertificateStatusTag status={s} /> : '—',
          },
          {
            title: t('apps.col.number'),
            dataIndex: 'number',
            width: 190,
            render: (n: string, r) => (
              <Link to={`/bureau/applications/${r.id}`} state={{ from }} style={{ whiteSpace: 'nowrap' }}>
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
          {
            title: t('bureau.col.decidedAt'),
            dataIndex: 'decidedAt',
            width: 150,
            render: (v: string | null) => formatTime(v),
          },
        ]}
      />
    </Card>
  );
}
