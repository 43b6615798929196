import { ClockCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useRefreshSession, useSession } from '../../../app/session';
import { useT } from '../../../lib/i18n';
import { useLogout } from '../api/auth';

/**
 * A user who joined an existing organisation sees nothing of it until a member or an administrator has
 * approved the account: every portal page shows this instead.
 */
export function PendingGate({ children }: { children: ReactNode }) {
  const t = useT();
  const { data, isFetching } = useSession();
  const refresh = useRefreshSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = data?.user;
  if (!user || user.role !== 'enterprise' || user.status === 'active') return <>{children}</>;

  const rejected = user.status === 'rejected' || user.status === 'disabled';
  return (
    <Card>
      <Result
        status={rejected ? 'warning' : 'info'}
        icon={rejected ? <StopOutlined /> : <ClockCircleOutlined />}
        title={t(rejected ? 'auth.pending.rejectedTitle' : 'auth.pending.title')}
        subTitle={
          <>
            {user.orgNameZh && <div>{t('auth.pending.organisation', { name: user.orgNameZh })}</div>}
            <div>{t(rejected ? 'auth.pending.rejected' : 'auth.pending.description')}</div>
          </>
        }
        extra={
          <Space>
            {!rejected && (
              <Button type="primary" loading={isFetching} onClick={() => void refresh()}>
                {t('auth.pending.refresh')}
              </Button>
            )}
            <Button
              loading={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, { onSuccess: () => void navigate('/', { replace: true }) })
              }
            >
              {t('app.logout')}
            </Button>
          </Space>
        }
      />
    </Card>
  );
}
