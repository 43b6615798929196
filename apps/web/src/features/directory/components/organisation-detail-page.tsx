import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AdminOrganisationApplication, ApplicationStatus } from '@ccc/domain';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { StatusTag } from '../../applications/components/status-tag';
import { useOrganisation, useOrganisationApplications } from '../api/directory';
import { UsersTable } from './users-table';

function ApplicationsCard({ organisationId }: { organisationId: string }) {
  const t = useT();
  const [page, setPage] = useState({ current: 1, size: 10 });
  const applications = useOrganisationApplications(organisationId, page.current, page.size);

  const columns: ColumnsType<AdminOrganisationApplication> = [
    {
      title: t('dir.app.number'),
      dataIndex: 'number',
      width: 190,
      render: (n: string) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{n}</Typography.Text>,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ApplicationStatus) => <StatusTag status={s} />,
    },
    {
      title: t('dir.app.clause'),
      key: 'clause',
      minWidth: 160,
      render: (_, a) => (
        <Typography.Text ellipsis={{ tooltip: a.clauseName }} style={{ maxWidth: 320 }}>
          {a.clauseCode} {a.clauseName}
        </Typography.Text>
      ),
    },
    { title: t('dir.app.bureau'), dataIndex: 'bureauName', minWidth: 150 },
    { title: t('dir.app.submittedAt'), dataIndex: 'submittedAt', width: 140, render: formatTime },
    {
      title: t('dir.app.certificateNumber'),
      dataIndex: 'certificateNumber',
      width: 160,
      render: (n: string | null) => n ?? '—',
    },
  ];

  return (
    <Card title={t('dir.org.applications')}>
      {applications.isError && (
        <Typography.Text type="danger">{errorText(applications.error, t)}</Typography.Text>
      )}
      <Table<AdminOrganisationApplication>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={applications.data?.items ?? []}
        loading={applications.isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('dir.org.noApplications') }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: applications.data?.total ?? 0,
          showSizeChanger: true,
          hideOnSinglePage: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
      />
    </Card>
  );
}

/** 单位详情: the organisation, its users with the account actions, and its applications newest first. */
export function OrganisationDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const org = useOrganisation(id);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {t('common.back')}
    </Button>
  );

  if (org.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (org.isError) {
    const missing = org.error instanceof ApiError && org.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('dir.org.notFound') : errorText(org.error, t)}
        extra={back}
      />
    );
  }
  const o = org.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {back}
            <span>{o.nameZh}</span>
          </Space>
        }
      >
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 210 } }}
          items={[
            { key: 'code', label: t('dir.org.code'), children: o.code },
            { key: 'code9', label: t('dir.org.orgCode9'), children: o.orgCode9 ?? '—' },
            { key: 'nameZh', label: t('dir.org.nameZh'), children: o.nameZh },
            { key: 'nameEn', label: t('dir.org.nameEn'), children: o.nameEn ?? '—' },
            { key: 'division', label: t('dir.org.division'), children: o.divisionName },
            { key: 'postcode', label: t('dir.org.postcode'), children: o.postcode },
            { key: 'address', label: t('dir.org.address'), span: 2, children: o.address },
            { key: 'users', label: t('dir.org.userCount'), children: o.userCount },
            { key: 'apps', label: t('dir.org.applicationCount'), children: o.applicationCount },
            { key: 'created', label: t('dir.org.createdAt'), children: formatTime(o.createdAt) },
            { key: 'updated', label: t('dir.org.updatedAt'), children: formatTime(o.updatedAt) },
            ...(o.remark ? [{ key: 'remark', label: t('dir.org.remark'), span: 2, children: o.remark }] : []),
          ]}
        />
      </Card>
      <Card title={t('dir.org.users')}>
        <UsersTable users={o.users} loading={org.isFetching} emptyText={t('dir.org.noUsers')} />
      </Card>
      <ApplicationsCard organisationId={o.id} />
    </Space>
  );
}
