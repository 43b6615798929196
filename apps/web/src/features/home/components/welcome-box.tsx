import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Descriptions } from 'antd';
import type { SessionUser } from '@ccc/domain';
import { useNavigate } from 'react-router';
import { homeOfRole } from '../../../app/require-role';
import { useT } from '../../../lib/i18n';
import { useLogout } from '../../auth/api/auth';

/** In place of the login box for a visitor who is logged in: who they are, 进入系统 and 退出系统. */
export function WelcomeBox({ user }: { user: SessionUser }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  const unit = user.role === 'enterprise' ? user.orgNameZh : user.role === 'officer' ? user.bureauName : null;
  return (
    <Card
      title={
        <span>
          <UserOutlined style={{ color: '#a61d1d', marginRight: 8 }} />
          {t('home.welcome.title')}
        </span>
      }
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
        <Avatar size={48} icon={<UserOutlined />} style={{ background: '#1f5fae', flex: 'none' }} />
        <div style={{ minWidth: 0 }}>
          <div style={{ fontSize: 16, fontWeight: 600 }}>{user.contactName || user.username}</div>
          <div style={{ color: '#8c8c8c' }}>{t(`role.${user.role}`)}</div>
        </div>
      </div>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'username', label: t('auth.login.username'), children: user.username },
          ...(unit ? [{ key: 'unit', label: t('home.welcome.unit'), children: unit }] : []),
        ]}
        style={{ marginBottom: 16 }}
      />
      <Button
        type="primary"
        size="large"
        block
        icon={<LoginOutlined />}
        onClick={() => void navigate(homeOfRole[user.role])}
      >
        {t('home.welcome.enter')}
      </Button>
      <Button
        type="link"
        block
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        style={{ marginTop: 8 }}
      >
        {t('app.logout')}
      </Button>
    </Card>
  );
}
