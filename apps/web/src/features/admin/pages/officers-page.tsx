import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Officer, UserStatus } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useOfficers, useSetOfficerStatus, type OfficerQuery } from '../api/officers';
import { BureauSelect } from '../components/bureau-select';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { OfficerFormModal } from '../components/officer-form-modal';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { pageFromParams, useUrlQuery } from '../../../lib/url-query';

interface Filters {
  q?: string;
  bureauCode?: string;
  status?: UserStatus;
}

/** The query lives in the address, so a refresh or the back button keeps it. */
function useOfficerQuery(): [OfficerQuery, (next: Partial<OfficerQuery>) => void] {
  return useUrlQuery((params): OfficerQuery => {
    const status = params.get('status');
    return {
      q: params.get('q') ?? undefined,
      bureauCode: params.get('bureauCode') ?? undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
      ...pageFromParams(params),
    };
  });
}

export function OfficersPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [query, setQuery] = useOfficerQuery();
  const [filterForm] = Form.useForm<Filters>();
  const officers = useOfficers(query);
  const setStatus = useSetOfficerStatus();
  const [editing, setEditing] = useState<Officer | null | undefined>(undefined);
  const [resetting, setResetting] = useState<Officer | undefined>(undefined);

  async function toggleStatus(o: Officer) {
    const status = o.status === 'disabled' ? 'active' : 'disabled';
    try {
      await setStatus.mutateAsync({ id: o.id, status });
      void message.success(
        t(status === 'active' ? 'officers.enabled' : 'officers.disabled', { name: o.contactName }),
      );
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const columns: ColumnsType<Officer> = [
    { title: t('officers.username'), dataIndex: 'username', width: 130 },
    { title: t('officers.contactName'), dataIndex: 'contactName', width: 100 },
    { title: t('officers.bureau'), dataIndex: 'bureauName', minWidth: 200 },
    {
      title: t('officers.contact'),
      key: 'contact',
      minWidth: 200,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{o.mobile}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: o.email }} style={{ maxWidth: 240 }}>
            {o.email}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: UserStatus) => (
        <Tag color={s === 'active' ? 'success' : 'default'}>{t(`officers.status.${s}`)}</Tag>
      ),
    },
    { title: t('officers.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      fixed: 'end',
      render: (_, o) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => setEditing(o)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(o.status === 'disabled' ? 'officers.confirmEnable' : 'officers.confirmDisable', {
              name: o.contactName,
            })}
            description={o.status === 'disabled' ? undefined : t('officers.disableHint')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: o.status !== 'disabled' }}
            onConfirm={() => void toggleStatus(o)}
          >
            <Button type="link" size="small" danger={o.status !== 'disabled'}>
              {t(o.status === 'disabled' ? 'officers.enable' : 'officers.disable')}
            </Button>
          </Popconfirm>
          <Button type="link" size="small" onClick={() => setResetting(o)}>
            {t('officers.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          form={filterForm}
          name="officerFilter"
          layout="inline"
          initialValues={{ q: query.q, bureauCode: query.bureauCode, status: query.status }}
          onFinish={(v) =>
            setQuery({ q: v.q?.trim() || undefined, bureauCode: v.bureauCode, status: v.status, page: 1 })
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('officers.keyword')}>
            <Input allowClear placeholder={t('officers.keywordPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="bureauCode" label={t('officers.bureau')}>
            <BureauSelect allowClear style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('officers.allStatuses')}
              options={(['active', 'disabled'] as const).map((s) => ({
                value: s,
                label: t(`officers.status.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  filterForm.setFieldsValue({ q: undefined, bureauCode: undefined, status: undefined });
                  setQuery({ q: undefined, bureauCode: undefined, status: undefined, page: 1 });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={t('menu.officers')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('officers.create')}
          </Button>
        }
      >
        {officers.isError && <Typography.Text type="danger">{errorText(officers.error, t)}</Typography.Text>}
        <Table<Officer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={officers.data?.items ?? []}
          loading={officers.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('officers.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: officers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) =>
              setQuery({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
      <OfficerFormModal officer={editing} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal officer={resetting} onClose={() => setResetting(undefined)} />
    </Space>
  );
}
