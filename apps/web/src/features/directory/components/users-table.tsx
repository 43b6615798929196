import { App as AntApp, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AdminUser, Role, UserStatus } from '@ccc/domain';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useAccountAction, type AccountAction } from '../api/directory';

const statusColours: Record<UserStatus, string> = {
  active: 'success',
  pending: 'warning',
  rejected: 'default',
  disabled: 'error',
};
const roleColours: Record<Role, string> = { enterprise: 'blue', officer: 'purple', admin: 'magenta' };

export function UserStatusTag({ status }: { status: UserStatus }) {
  const t = useT();
  return (
    <Tag color={statusColours[status]} style={{ marginInlineEnd: 0 }}>
      {t(`dir.status.${status}`)}
    </Tag>
  );
}

export function RoleTag({ role }: { role: Role }) {
  const t = useT();
  return (
    <Tag color={roleColours[role]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`dir.role.${role}`)}
    </Tag>
  );
}

/** 停用 / 启用 / 解锁 of one user, each behind a confirmation; no 停用 of one's own account. */
function UserActions({ user, self }: { user: AdminUser; self: boolean }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const act = useAccountAction();

  async function run(action: AccountAction) {
    try {
      await act.mutateAsync({ id: user.id, action });
      void message.success(t(`dir.done.${action}`, { username: user.username }));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const confirm = (action: AccountAction, danger: boolean) => (
    <Popconfirm
      key={action}
      title={t(`dir.confirm.${action}`, { username: user.username })}
      description={
        <div style={{ maxWidth: 280 }}>
          {t(action === 'disable' ? 'dir.confirm.disableHint' : 'dir.confirm.mailHint')}
        </div>
      }
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      onConfirm={() => void run(action)}
    >
      <Button type="link" size="small" danger={danger}>
        {t(`dir.action.${action}`)}
      </Button>
    </Popconfirm>
  );

  return (
    <Space size={0} wrap={false}>
      {user.status === 'active' && !self && confirm('disable', true)}
      {user.status === 'disabled' && confirm('enable', false)}
      {(user.lockedUntil !== null || user.failedLogins > 0) && confirm('unlock', false)}
    </Space>
  );
}

interface Props {
  users: AdminUser[];
  loading?: boolean;
  /** The organisation / bureau column (the users page); the organisation page leaves it out. */
  showScope?: boolean;
  pagination?: TablePaginationConfig | false;
  emptyText: string;
}

/** Users with their role, status, lock and last login, and the account actions. */
export function UsersTable({ users, loading, showScope, pagination = false, emptyText }: Props) {
  const t = useT();
  const session = useSession();
  const selfId = session.data?.user?.id;

  const columns: ColumnsType<AdminUser> = [
    {
      title: t('dir.user.username'),
      dataIndex: 'username',
      width: 140,
      render: (username: string, u) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap={false}>
            <Typography.Text strong>{username}</Typography.Text>
            {u.id === selfId && <Tag style={{ marginInlineEnd: 0 }}>{t('dir.self')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.contactName}
          </Typography.Text>
        </Space>
      ),
    },
    showScope
      ? {
          title: t('dir.user.scope'),
          key: 'scope',
          minWidth: 200,
          render: (_, u) => (
            <Space orientation="vertical" size={2}>
              <RoleTag role={u.role} />
              {u.organisationId ? (
                <Link to={`/admin/organisations/${u.organisationId}`}>{u.orgNameZh}</Link>
              ) : (
                u.bureauName && (
                  // An officer's bureau and contact details are managed on 审核人员账号.
                  <Tooltip title={t('dir.action.officer')}>
                    <Link to={`/admin/officers?q=${encodeURIComponent(u.username)}`}>{u.bureauName}</Link>
                  </Tooltip>
                )
              )}
            </Space>
          ),
        }
      : {
          title: t('dir.user.role'),
          dataIndex: 'role',
          width: 125,
          render: (r: Role) => <RoleTag role={r} />,
        },
    {
      title: t('dir.user.contact'),
      key: 'contact',
      minWidth: 180,
      render: (_, u) =>
        !u.mobile && !u.email ? (
          '—'
        ) : (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{u.mobile}</Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: u.email }} style={{ maxWidth: 220 }}>
              {u.email}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: UserStatus, u) => (
        <Space size={4} wrap>
          <UserStatusTag status={s} />
          {u.lockedUntil ? (
            <Tooltip title={t('dir.user.lockedUntil', { time: formatTime(u.lockedUntil) })}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('dir.user.lock')}
              </Tag>
            </Tooltip>
          ) : u.failedLogins > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('dir.user.failedLogins', { count: u.failedLogins })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('dir.user.lastLogin'),
      key: 'lastLogin',
      width: 150,
      render: (_, u) =>
        u.lastLoginAt ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatTime(u.lastLoginAt)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.lastLoginIp}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'end',
      render: (_, u) => <UserActions user={u} self={u.id === selfId} />,
    },
  ];

  return (
    <Table<AdminUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      scroll={{ x: showScope ? 940 : 865 }}
      locale={{ emptyText }}
      pagination={pagination}
    />
  );
}
