import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@ccc/domain';
import { useSession } from './session';

export const homeOfRole: Record<Role, string> = {
  enterprise: '/portal/applications',
  officer: '/bureau',
  admin: '/admin/officers',
};

/** Only the given role passes; others go to their own home, anonymous visitors to the login page. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/" replace state={{ from: location.pathname }} />;
  if (user.role !== role) return <Navigate to={homeOfRole[user.role]} replace />;
  return <>{children}</>;
}
