import { TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { UserStatus } from '@ccc/domain';
import dayjs from 'dayjs';
import { useSession } from '../../../app/session';
import { useT } from '../../../lib/i18n';
import { useMemberDecision, useMembers, type Member } from '../api/profile';

const statusColor: Record<UserStatus, string> = {
  active: 'green',
  pending: 'orange',
  rejected: 'red',
  disabled: 'default',
};

/** 成员: the organisation's users; those waiting to join are approved (通过) or rejected (拒绝) here. */
export function MembersCard() {
  const t = useT();
  const me = useSession().data?.user;
  const members = useMembers();
  const decide = useMemberDecision();
  const { message } = AntApp.useApp();
  const waiting = members.data?.items.filter((m) => m.status === 'pending').length ?? 0;

  async function onDecide(m: Member, decision: 'approve' | 'reject') {
    try {
      await decide.mutateAsync({ id: m.id, decision });
      void message.success(
        t(decision === 'approve' ? 'profile.members.approved' : 'profile.members.rejected', {
          name: m.username,
        }),
      );
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Card
      title={
        <span>
          <TeamOutlined style={{ marginRight: 8 }} />
          {t('profile.members.title')}
        </span>
      }
    >
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('profile.members.waiting', { count: waiting })}
          style={{ marginBottom: 16 }}
        />
      )}
      {members.isError ? (
        <Alert type="error" showIcon title={members.error.message} />
      ) : (
        <Table<Member>
          rowKey="id"
          size="middle"
          loading={members.isPending}
          dataSource={members.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('profile.username'),
              dataIndex: 'username',
              render: (v: string, m) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {v}
                  {m.id === me?.id && <Tag style={{ marginLeft: 8 }}>{t('profile.members.me')}</Tag>}
                </span>
              ),
            },
            {
              title: t('register.contactName'),
              dataIndex: 'contactName',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
            },
            { title: t('register.email'), dataIndex: 'email' },
            { title: t('register.mobile'), dataIndex: 'mobile' },
            {
              title: t('profile.members.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => (
                <span style={{ whiteSpace: 'nowrap' }}>{dayjs(v).format('YYYY-MM-DD HH:mm')}</span>
              ),
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: UserStatus) => <Tag color={statusColor[s]}>{t(`profile.status.${s}`)}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, m) =>
                m.status === 'pending' ? (
                  <Space size="small">
                    <Popconfirm
                      title={t('profile.members.approveConfirm', { name: m.username })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => void onDecide(m, 'approve')}
                    >
                      <Button type="link" size="small">
                        {t('profile.members.approve')}
                      </Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('profile.members.rejectConfirm', { name: m.username })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => void onDecide(m, 'reject')}
                    >
                      <Button type="link" size="small" danger>
                        {t('profile.members.reject')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : (
                  <span style={{ color: '#bfbfbf' }}>—</span>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
