import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { roles, userStatuses, type Role, type UserStatus } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useUsers, type UserQuery } from '../api/directory';
import { UsersTable } from './users-table';
import { pageFromParams, useUrlQuery } from '../../../lib/url-query';

interface Filters {
  q?: string;
  role?: Role;
  status?: UserStatus;
}

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((v) => v === value);

/** The query lives in the address, so a refresh or the back button keeps it. */
function useUserQuery(): [UserQuery, (next: Partial<UserQuery>) => void] {
  return useUrlQuery((params): UserQuery => {
    return {
      q: params.get('q') ?? undefined,
      role: pick(roles, params.get('role')),
      status: pick(userStatuses, params.get('status')),
      ...pageFromParams(params),
    };
  });
}

/** 用户管理: users of every role, with 停用 / 启用 / 解锁. */
export function UsersPage() {
  const t = useT();
  const [query, setQuery] = useUserQuery();
  const [form] = Form.useForm<Filters>();
  const users = useUsers(query);
  const cleared = { q: undefined, role: undefined, status: undefined };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          form={form}
          name="userFilter"
          layout="inline"
          initialValues={{ q: query.q, role: query.role, status: query.status }}
          onFinish={(v) => setQuery({ q: v.q?.trim() || undefined, role: v.role, status: v.status, page: 1 })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('dir.user.keyword')}>
            <Input allowClear placeholder={t('dir.user.keywordPlaceholder')} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="role" label={t('dir.user.role')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('dir.user.allRoles')}
              options={roles.map((r) => ({ value: r, label: t(`dir.role.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('dir.user.allStatuses')}
              options={userStatuses.map((s) => ({ value: s, label: t(`dir.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue(cleared);
                  setQuery({ ...cleared, page: 1 });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('dir.user.title')}>
        {users.isError && <Typography.Text type="danger">{errorText(users.error, t)}</Typography.Text>}
        <UsersTable
          users={users.data?.items ?? []}
          loading={users.isFetching}
          showScope
          emptyText={t('dir.user.empty')}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) =>
              setQuery({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
    </Space>
  );
}
