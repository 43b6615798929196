import { App as AntApp, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../../lib/i18n';
import { useDecidePendingUser, usePendingUsers, type PendingUser } from '../api/pending-users';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';

/** 待确认用户: accounts that registered under an existing organisation and wait for approval. */
export function PendingUsersPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const pending = usePendingUsers();
  const decide = useDecidePendingUser();

  async function onDecide(u: PendingUser, decision: 'approve' | 'reject') {
    try {
      await decide.mutateAsync({ id: u.id, decision });
      void message.success(t(`admin.pending.${decision}d`, { username: u.username }));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const columns: ColumnsType<PendingUser> = [
    { title: t('officers.username'), dataIndex: 'username', width: 130 },
    { title: t('admin.pending.contactName'), dataIndex: 'contactName', width: 100 },
    { title: t('admin.pending.orgName'), dataIndex: 'orgNameZh', minWidth: 200 },
    { title: t('admin.pending.orgCode'), dataIndex: 'orgCode', width: 190 },
    {
      title: t('officers.contact'),
      key: 'contact',
      minWidth: 200,
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{u.mobile}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: u.email }} style={{ maxWidth: 240 }}>
            {u.email}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('admin.pending.registeredAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'end',
      render: (_, u) => (
        <Space size={0}>
          <Popconfirm
            title={t('admin.pending.confirmApprove', { username: u.username, org: u.orgNameZh })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void onDecide(u, 'approve')}
          >
            <Button type="link" size="small">
              {t('admin.pending.approve')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('admin.pending.confirmReject', { username: u.username, org: u.orgNameZh })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void onDecide(u, 'reject')}
          >
            <Button type="link" size="small" danger>
              {t('admin.pending.reject')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.pendingUsers')}>
      <Typography.Paragraph type="secondary">{t('admin.pending.intro')}</Typography.Paragraph>
      {pending.isError && <Typography.Text type="danger">{errorText(pending.error, t)}</Typography.Text>}
      <Table<PendingUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pending.data?.items ?? []}
        loading={pending.isFetching}
        scroll={{ x: 1080 }}
        locale={{ emptyText: t('admin.pending.empty') }}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
