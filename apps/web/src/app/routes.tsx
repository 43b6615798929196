import {
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  ClockCircleOutlined,
  DiffOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  IdcardOutlined,
  InboxOutlined,
  LockOutlined,
  FieldTimeOutlined,
  MonitorOutlined,
  NotificationOutlined,
  TeamOutlined,
  UserOutlined,
  UserAddOutlined,
  AuditOutlined,
} from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PendingGate } from '../features/auth/components/pending-gate';
import { useT } from '../lib/i18n';
import { RoleLayout, type MenuEntry } from './layouts/role-layout';
import { RequireRole } from './require-role';
import { NotFoundPage } from './not-found-page';

/**
 * Pages are loaded lazily per route (code splitting). Each feature adds its routes here, and a menu
 * entry only once its page exists: no menu item leads nowhere.
 */
function EnterpriseLayout() {
  const t = useT();
  return (
    <RequireRole role="enterprise">
      <RoleLayout
        profilePath="/portal/profile"
        menu={[
          { path: '/portal/applications', label: t('menu.applications'), icon: <FileTextOutlined /> },
          { path: '/portal/profile', label: t('menu.profile'), icon: <IdcardOutlined /> },
          { path: '/portal/password', label: t('menu.password'), icon: <LockOutlined /> },
        ]}
      />
    </RequireRole>
  );
}

/** A page loaded on first visit, with a spinner meanwhile. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '120px auto' }} />}>
      <Page />
    </Suspense>
  );
}

function OfficerLayout() {
  const t = useT();
  return (
    <RequireRole role="officer">
      <RoleLayout
        profilePath="/bureau/password"
        menu={[
          { path: '/bureau', label: t('bureau.menu.inbox'), icon: <InboxOutlined /> },
          { path: '/bureau/applications', label: t('bureau.menu.search'), icon: <FileSearchOutlined /> },
          { path: '/bureau/modifications', label: t('bmod.menu'), icon: <DiffOutlined /> },
          { path: '/bureau/supervision', label: t('sup.menu'), icon: <MonitorOutlined /> },
          { path: '/bureau/statistics', label: t('stats.menu'), icon: <BarChartOutlined /> },
          { path: '/bureau/password', label: t('menu.password'), icon: <LockOutlined /> },
        ]}
      />
    </RequireRole>
  );
}

/** The entries of one heading of the side menu. */
const inGroup = (group: string, entries: MenuEntry[]): MenuEntry[] => entries.map((e) => ({ ...e, group }));

function AdminLayout() {
  const t = useT();
  return (
    <RequireRole role="admin">
      <RoleLayout
        profilePath="/admin/password"
        menu={[
          ...inGroup(t('menu.group.users'), [
            { path: '/admin/organisations', label: t('dir.menu.organisations'), icon: <BankOutlined /> },
            { path: '/admin/users', label: t('dir.menu.users'), icon: <UserOutlined /> },
            { path: '/admin/officers', label: t('menu.officers'), icon: <TeamOutlined /> },
            { path: '/admin/pending-users', label: t('menu.pendingUsers'), icon: <UserAddOutlined /> },
          ]),
          ...inGroup(t('menu.group.publishing'), [
            { path: '/admin/announcements', label: t('menu.announcements'), icon: <NotificationOutlined /> },
            { path: '/admin/manual', label: t('menu.manual'), icon: <BookOutlined /> },
          ]),
          ...inGroup(t('menu.group.reference'), [
            { path: '/admin/reference', label: t('refadm.menu'), icon: <DatabaseOutlined /> },
            { path: '/admin/calendar', label: t('menu.calendar'), icon: <CalendarOutlined /> },
            { path: '/admin/service-levels', label: t('menu.serviceLevels'), icon: <ClockCircleOutlined /> },
            { path: '/admin/report-deadlines', label: t('deadlines.menu'), icon: <FieldTimeOutlined /> },
          ]),
          ...inGroup(t('menu.group.oversight'), [
            { path: '/admin/statistics', label: t('stats.menu'), icon: <BarChartOutlined /> },
            { path: '/admin/audit', label: t('audit.menu'), icon: <AuditOutlined /> },
          ]),
          ...inGroup(t('menu.group.account'), [
            { path: '/admin/password', label: t('menu.password'), icon: <LockOutlined /> },
          ]),
        ]}
      />
    </RequireRole>
  );
}

const changePasswordPage = () => import('../features/account/change-password-page');
const statisticsPage = () => import('../features/statistics/components/statistics-page');
const applicationFormPage = () => import('../features/applications/components/application-form-page');
const recordFormPage = () => import('../features/usage-records/components/record-form-page');

/** A portal page; a user still waiting for the organisation's approval sees the waiting notice instead. */
function portalPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return <PendingGate>{lazyPage(load, name)}</PendingGate>;
}

export const routes: RouteObject[] = [
  { path: '/', element: lazyPage(() => import('../features/home/components/home-page'), 'HomePage') },
  {
    path: '/register',
    element: lazyPage(() => import('../features/auth/components/register-page'), 'RegisterPage'),
  },
  {
    path: '/forgot-password',
    element: lazyPage(() => import('../features/auth/components/forgot-password-page'), 'ForgotPasswordPage'),
  },
  {
    path: '/verify',
    element: lazyPage(() => import('../features/verification/components/verify-page'), 'VerifyPage'),
  },
  {
    path: '/verify/:number',
    element: lazyPage(
      () => import('../features/verification/components/verify-result-page'),
      'VerifyResultPage',
    ),
  },
  {
    path: '/announcements/:id',
    element: lazyPage(
      () => import('../features/announcements/components/announcement-detail-page'),
      'AnnouncementDetailPage',
    ),
  },
  {
    path: '/portal',
    element: <EnterpriseLayout />,
    children: [
      { index: true, element: <Navigate to="/portal/applications" replace /> },
      {
        path: 'applications',
        element: portalPage(
          () => import('../features/applications/components/applications-page'),
          'ApplicationsPage',
        ),
      },
      {
        path: 'applications/new',
        element: portalPage(applicationFormPage, 'ApplicationFormPage'),
      },
      {
        path: 'applications/:id/edit',
        element: portalPage(applicationFormPage, 'ApplicationFormPage'),
      },
      {
        path: 'applications/:id',
        element: portalPage(
          () => import('../features/applications/components/application-detail-page'),
          'ApplicationDetailPage',
        ),
      },
      {
        path: 'certificates/:number/modification',
        element: portalPage(
          () => import('../features/certificate-modification/components/modification-page'),
          'ModificationPage',
        ),
      },
      {
        path: 'certificates/:number/records',
        element: portalPage(() => import('../features/usage-records/components/records-page'), 'RecordsPage'),
      },
      {
        path: 'certificates/:number/records/new/:kind',
        element: portalPage(recordFormPage, 'RecordFormPage'),
      },
      {
        path: 'certificates/:number/records/list/:kind',
        element: portalPage(
          () => import('../features/usage-records/components/record-list-page'),
          'RecordListPage',
        ),
      },
      {
        path: 'certificates/:number/records/:recordId',
        element: portalPage(recordFormPage, 'RecordFormPage'),
      },
      {
        path: 'profile',
        element: portalPage(() => import('../features/profile/components/profile-page'), 'ProfilePage'),
      },
      {
        path: 'password',
        element: portalPage(changePasswordPage, 'ChangePasswordPage'),
      },
    ],
  },
  {
    path: '/bureau',
    element: <OfficerLayout />,
    children: [
      {
        index: true,
        element: lazyPage(() => import('../features/bureau/components/inbox-page'), 'InboxPage'),
      },
      {
        path: 'workspace',
        element: lazyPage(() => import('../features/bureau/workspace-page'), 'WorkspacePage'),
      },
      {
        path: 'applications',
        element: lazyPage(() => import('../features/bureau/components/search-page'), 'SearchPage'),
      },
      {
        path: 'applications/:id',
        element: lazyPage(() => import('../features/bureau/components/review-page'), 'ReviewPage'),
      },
      {
        path: 'modifications',
        element: lazyPage(
          () => import('../features/bureau-modifications/components/modifications-page'),
          'ModificationsPage',
        ),
      },
      {
        path: 'modifications/:id',
        element: lazyPage(
          () => import('../features/bureau-modifications/components/modification-review-page'),
          'ModificationReviewPage',
        ),
      },
      {
        path: 'supervision',
        element: lazyPage(
          () => import('../features/bureau-supervision/components/supervision-page'),
          'SupervisionPage',
        ),
      },
      {
        path: 'statistics',
        element: lazyPage(statisticsPage, 'BureauStatisticsPage'),
      },
      { path: 'password', element: lazyPage(changePasswordPage, 'ChangePasswordPage') },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <Navigate to="/admin/officers" replace /> },
      {
        path: 'officers',
        element: lazyPage(() => import('../features/admin/pages/officers-page'), 'OfficersPage'),
      },
      {
        path: 'organisations',
        element: lazyPage(
          () => import('../features/directory/components/organisations-page'),
          'OrganisationsPage',
        ),
      },
      {
        path: 'organisations/:id',
        element: lazyPage(
          () => import('../features/directory/components/organisation-detail-page'),
          'OrganisationDetailPage',
        ),
      },
      {
        path: 'users',
        element: lazyPage(() => import('../features/directory/components/users-page'), 'UsersPage'),
      },
      {
        path: 'pending-users',
        element: lazyPage(() => import('../features/admin/pages/pending-users-page'), 'PendingUsersPage'),
      },
      {
        path: 'announcements',
        element: lazyPage(() => import('../features/admin/pages/announcements-page'), 'AnnouncementsPage'),
      },
      {
        path: 'announcements/:id',
        element: lazyPage(
          () => import('../features/admin/pages/announcement-editor-page'),
          'AnnouncementEditorPage',
        ),
      },
      {
        path: 'manual',
        element: lazyPage(() => import('../features/admin/pages/manual-page'), 'ManualPage'),
      },
      {
        path: 'calendar',
        element: lazyPage(() => import('../features/admin/pages/calendar-page'), 'CalendarPage'),
      },
      {
        path: 'service-levels',
        element: lazyPage(() => import('../features/admin/pages/service-levels-page'), 'ServiceLevelsPage'),
      },
      {
        path: 'report-deadlines',
        element: lazyPage(
          () => import('../features/admin/pages/report-deadlines-page'),
          'ReportDeadlinesPage',
        ),
      },
      {
        path: 'reference',
        element: lazyPage(() => import('../features/reference-admin/pages/reference-page'), 'ReferencePage'),
      },
      {
        path: 'reference/:dataset',
        element: lazyPage(() => import('../features/reference-admin/pages/reference-page'), 'ReferencePage'),
      },
      {
        path: 'statistics',
        element: lazyPage(statisticsPage, 'AdminStatisticsPage'),
      },
      {
        path: 'audit',
        element: lazyPage(() => import('../features/audit/components/audit-page'), 'AuditPage'),
      },
      { path: 'password', element: lazyPage(changePasswordPage, 'ChangePasswordPage') },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];
