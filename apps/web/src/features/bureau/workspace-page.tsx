import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { BureauWorkspace } from '@ccc/domain';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useSession } from '../../app/session';
import { api, ApiError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';

type WorkspaceOfficer = BureauWorkspace['officers'][number];

/** 工作台: the officer's own bureau — what it covers, its service levels and its officers. */
export function WorkspacePage() {
  const t = useT();
  const session = useSession();
  const user = session.data?.user;
  const workspace = useQuery({
    queryKey: ['bureau', 'workspace'],
    queryFn: () => api.get<BureauWorkspace>('/api/bureau/workspace'),
  });
  const b = workspace.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('bureau.greeting', { name: user?.contactName || user?.username || '' })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {user?.lastLoginAt
            ? t('app.lastLogin', {
                time: dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm'),
                ip: user.lastLoginIp ?? '—',
              })
            : t('app.firstLogin')}
        </Typography.Text>
      </Card>
      {workspace.isError && (
        <Alert
          type="error"
          showIcon
          title={workspace.error instanceof ApiError ? workspace.error.message : t('e.INTERNAL')}
        />
      )}
      <Card
        loading={workspace.isPending}
        title={
          <Space>
            <BankOutlined />
            {t('bureau.cardTitle')}
          </Space>
        }
      >
        {b && (
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={16}>
              <Descriptions
                bordered
                column={{ xs: 1, md: 2 }}
                size="middle"
                styles={{ label: { width: 150 } }}
                items={[
                  {
                    key: 'name',
                    label: t('bureau.name'),
                    span: 'filled',
                    children: <strong>{b.name}</strong>,
                  },
                  { key: 'code', label: t('bureau.code'), children: b.code },
                  { key: 'level', label: t('bureau.level'), children: t(`bureau.levels.${b.level}`) },
                  { key: 'phone', label: t('bureau.phone'), children: b.phone || '—' },
                  { key: 'address', label: t('bureau.address'), children: b.address || '—' },
                  {
                    key: 'divisions',
                    label: t('bureau.divisions'),
                    span: 'filled',
                    children: b.divisions.length ? (
                      <Space size={[4, 8]} wrap>
                        {b.divisions.map((d) => (
                          <Tag key={d.code} title={d.code}>
                            {d.path || d.name}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">{t('bureau.noDivisions')}</Typography.Text>
                    ),
                  },
                  {
                    key: 'service',
                    label: t('bureau.serviceLevels'),
                    span: 'filled',
                    children: t('bureau.serviceLevelText', { accept: b.acceptDays, decide: b.decideDays }),
                  },
                ]}
              />
            </Col>
            <Col xs={24} xl={8}>
              <Row gutter={[16, 16]}>
                <Col span={12}>
                  <Card size="small" style={{ background: '#f6f9fe' }}>
                    <Statistic
                      title={t('bureau.acceptDays')}
                      value={b.acceptDays}
                      suffix={<span style={{ fontSize: 14 }}>{t('bureau.workingDays')}</span>}
                    />
                  </Card>
                </Col>
                <Col span={12}>
                  <Card size="small" style={{ background: '#f6f9fe' }}>
                    <Statistic
                      title={t('bureau.decideDays')}
                      value={b.decideDays}
                      suffix={<span style={{ fontSize: 14 }}>{t('bureau.workingDays')}</span>}
                    />
                  </Card>
                </Col>
                <Col span={12}>
                  <Card size="small" style={{ background: '#f7fbf4' }}>
                    <Statistic title={t('bureau.divisionCount')} value={b.divisions.length} />
                  </Card>
                </Col>
                <Col span={12}>
                  <Card size="small" style={{ background: '#f7fbf4' }}>
                    <Statistic
                      title={t('bureau.activeOfficers')}
                      value={b.officers.filter((o) => o.status === 'active').length}
                    />
                  </Card>
                </Col>
              </Row>
            </Col>
          </Row>
        )}
      </Card>
      <Card
        loading={workspace.isPending}
        title={
          <Space>
            <TeamOutlined />
            {t('bureau.officers')}
          </Space>
        }
      >
        <Table<WorkspaceOfficer>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={b?.officers ?? []}
          locale={{ emptyText: t('bureau.noOfficers') }}
          columns={[
            {
              title: t('officers.contactName'),
              dataIndex: 'contactName',
              render: (name: string, o) => (
                <Space>
                  {name}
                  {o.id === user?.id && <Tag color="blue">{t('bureau.you')}</Tag>}
                </Space>
              ),
            },
            { title: t('officers.username'), dataIndex: 'username' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: WorkspaceOfficer['status']) => (
                <Tag color={s === 'active' ? 'success' : 'default'}>{t(`officers.status.${s}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
