import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AdminOrganisationRow } from '@ccc/domain';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useOrganisations, type OrganisationQuery } from '../api/directory';
import { pageFromParams, useUrlQuery } from '../../../lib/url-query';

/** The query lives in the address, so a refresh or the back button keeps it. */
function useOrganisationQuery(): [OrganisationQuery, (next: Partial<OrganisationQuery>) => void] {
  return useUrlQuery((params): OrganisationQuery => {
    return {
      q: params.get('q') ?? undefined,
      ...pageFromParams(params),
    };
  });
}

/** 单位管理: every registered organisation, searched by code, name, or a member's user name or e-mail. */
export function OrganisationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [query, setQuery] = useOrganisationQuery();
  const [form] = Form.useForm<{ q?: string }>();
  const organisations = useOrganisations(query);

  const columns: ColumnsType<AdminOrganisationRow> = [
    {
      title: t('dir.org.code'),
      dataIndex: 'code',
      width: 190,
      render: (code: string, o) => (
        <Link to={`/admin/organisations/${o.id}`} style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Link>
      ),
    },
    {
      title: t('dir.org.nameZh'),
      dataIndex: 'nameZh',
      minWidth: 220,
      render: (name: string, o) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{name}</Typography.Text>
          {o.nameEn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.nameEn}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('dir.org.division'), dataIndex: 'divisionName', width: 150 },
    { title: t('dir.org.userCount'), dataIndex: 'userCount', width: 80, align: 'right' },
    { title: t('dir.org.applicationCount'), dataIndex: 'applicationCount', width: 80, align: 'right' },
    { title: t('dir.org.createdAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      fixed: 'end',
      render: (_, o) => (
        <Link to={`/admin/organisations/${o.id}`}>
          <Button type="link" size="small">
            {t('common.view')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          form={form}
          name="organisationFilter"
          layout="inline"
          initialValues={{ q: query.q }}
          onFinish={(v) => setQuery({ q: v.q?.trim() || undefined, page: 1 })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('dir.org.keyword')}>
            <Input allowClear placeholder={t('dir.org.keywordPlaceholder')} style={{ width: 460 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ q: undefined });
                  setQuery({ q: undefined, page: 1 });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('dir.org.title')}>
        {organisations.isError && (
          <Typography.Text type="danger">{errorText(organisations.error, t)}</Typography.Text>
        )}
        <Table<AdminOrganisationRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={organisations.data?.items ?? []}
          loading={organisations.isFetching}
          scroll={{ x: 930 }}
          locale={{ emptyText: t('dir.org.empty') }}
          onRow={(o) => ({
            onClick: (e) => {
              // Links and buttons in the row do their own thing.
              if ((e.target as HTMLElement).closest('a,button')) return;
              void navigate(`/admin/organisations/${o.id}`);
            },
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: organisations.data?.total ?? 0,
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
