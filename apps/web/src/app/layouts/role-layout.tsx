import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Layout, Menu, Space, Tooltip, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { sessionQueryKey, useSession } from '../session';

export interface MenuEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  /** A heading the entry is listed under; entries of one group are shown together, in order. */
  group?: string;
}

/** The side menu's items: entries with a group gathered under its heading, the others as they come. */
function menuItems(menu: MenuEntry[]): MenuProps['items'] {
  const item = (m: MenuEntry) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{m.label}</Link> });
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, ReturnType<typeof item>[]>();
  for (const m of menu) {
    if (!m.group) {
      items.push(item(m));
      continue;
    }
    let children = groups.get(m.group);
    if (!children) {
      children = [];
      groups.set(m.group, children);
      items.push({ type: 'group', key: `group:${m.group}`, label: m.group, children });
    }
    children.push(item(m));
  }
  return items;
}

/** The shell of the three role areas: header with language switch, person icon and logout; side menu. */
export function RoleLayout({ menu, profilePath }: { menu: MenuEntry[]; profilePath: string }) {
  const { t, locale, setLocale } = useI18n();
  const { data } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const user = data?.user;
  const selected = menu
    .filter((m) => location.pathname.startsWith(m.path))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  async function logout() {
    try {
      await api.post('/api/auth/logout');
    } catch {
      /* the session may already have ended: leave anyway */
    }
    qc.clear();
    await qc.invalidateQueries({ queryKey: sessionQueryKey });
    void message.success(t('app.logout'));
    void navigate('/', { replace: true });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#8b1a1a', paddingInline: 24 }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.headerTitle')}
        </Link>
        <div style={{ flex: 1 }} />
        <Space size="middle">
          {user && (
            <Typography.Text style={{ color: '#fde7e7' }}>
              {user.contactName || user.username} · {t(`role.${user.role}`)}
            </Typography.Text>
          )}
          <Button
            type="text"
            icon={<GlobalOutlined />}
            style={{ color: '#fff' }}
            onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            {t('app.language')}
          </Button>
          <Tooltip title={t(user?.role === 'enterprise' ? 'app.profile' : 'app.password')}>
            <Button
              type="text"
              aria-label={t(user?.role === 'enterprise' ? 'app.profile' : 'app.password')}
              icon={<UserOutlined />}
              style={{ color: '#fff' }}
              onClick={() => void navigate(profilePath)}
            />
          </Tooltip>
          <Tooltip title={t('app.logout')}>
            <Button
              type="text"
              aria-label={t('app.logout')}
              icon={<LogoutOutlined />}
              style={{ color: '#fff' }}
              onClick={() => void logout()}
            />
          </Tooltip>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={240} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            style={{ height: '100%', paddingTop: 8 }}
            items={menuItems(menu)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f5f6f8' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
