import { PaperClipOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AnnouncementStatus, AnnouncementSummary } from '@ccc/domain';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n';
import {
  useAnnouncementAction,
  useAnnouncements,
  type AnnouncementAction,
  type AnnouncementQuery,
} from '../api/announcements';
import { AnnouncementStatusTag, announcementStatusLabel, PinnedTag } from '../components/announcement-tags';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { pageFromParams, useUrlQuery } from '../../../lib/url-query';

function useAnnouncementQuery(): [AnnouncementQuery, (next: Partial<AnnouncementQuery>) => void] {
  return useUrlQuery((params): AnnouncementQuery => {
    const status = params.get('status');
    return {
      q: params.get('q') ?? undefined,
      status: status === 'draft' || status === 'scheduled' || status === 'published' ? status : undefined,
      ...pageFromParams(params),
    };
  });
}

const successKey: Record<AnnouncementAction, string> = {
  publish: 'announcementsAdmin.published',
  unpublish: 'announcementsAdmin.unpublished',
  pin: 'announcementsAdmin.pinnedDone',
  unpin: 'announcementsAdmin.unpinnedDone',
  delete: 'announcementsAdmin.deleted',
};

/** 公告管理: every announcement, drafts and published, with the actions its state allows. */
export function AnnouncementsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [query, setQuery] = useAnnouncementQuery();
  const [filterForm] = Form.useForm<{ q?: string; status?: AnnouncementStatus }>();
  const list = useAnnouncements(query);
  const act = useAnnouncementAction();

  async function run(a: AnnouncementSummary, action: AnnouncementAction) {
    try {
      await act.mutateAsync({ id: a.id, action });
      void message.success(t(successKey[action]));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const confirmed = (a: AnnouncementSummary, action: AnnouncementAction, label: string, danger = false) => (
    <Popconfirm
      title={t(`announcementsAdmin.confirm.${action}`, { title: a.title })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      onConfirm={() => void run(a, action)}
    >
      <Button type="link" size="small" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  );

  const columns: ColumnsType<AnnouncementSummary> = [
    {
      title: t('announcementsAdmin.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, a) => (
        <Space size={6}>
          <Link to={`/admin/announcements/${a.id}`}>{title}</Link>
          {a.attachmentCount > 0 && (
            <Typography.Text type="secondary" title={t('announcementsAdmin.attachments')}>
              <PaperClipOutlined /> {a.attachmentCount}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: AnnouncementStatus) => <AnnouncementStatusTag status={s} />,
    },
    {
      title: t('announcementsAdmin.pinned'),
      dataIndex: 'pinned',
      width: 80,
      render: (pinned: boolean) =>
        pinned ? <PinnedTag /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('announcementsAdmin.publishedAt'), dataIndex: 'publishedAt', width: 140, render: formatTime },
    { title: t('announcementsAdmin.updatedAt'), dataIndex: 'updatedAt', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      fixed: 'end',
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void navigate(`/admin/announcements/${a.id}`)}>
            {t('common.edit')}
          </Button>
          {a.status === 'draft'
            ? confirmed(a, 'publish', t('announcementsAdmin.publish'))
            : confirmed(a, 'unpublish', t('announcementsAdmin.unpublish'))}
          {a.pinned
            ? confirmed(a, 'unpin', t('announcementsAdmin.unpin'))
            : confirmed(a, 'pin', t('announcementsAdmin.pin'))}
          {a.status === 'draft' && confirmed(a, 'delete', t('common.delete'), true)}
          {a.status === 'published' && (
            <Button type="link" size="small" href={`/announcements/${a.id}`} target="_blank">
              {t('common.view')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          form={filterForm}
          name="announcementFilter"
          layout="inline"
          initialValues={{ q: query.q, status: query.status }}
          onFinish={(v) => setQuery({ q: v.q?.trim() || undefined, status: v.status, page: 1 })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('announcementsAdmin.title')}>
            <Input
              allowClear
              placeholder={t('announcementsAdmin.keywordPlaceholder')}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('officers.allStatuses')}
              options={(['draft', 'scheduled', 'published'] as const).map((s) => ({
                value: s,
                label: announcementStatusLabel(s, t),
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
                  filterForm.setFieldsValue({ q: undefined, status: undefined });
                  setQuery({ q: undefined, status: undefined, page: 1 });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={t('menu.announcements')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/admin/announcements/new')}
          >
            {t('announcementsAdmin.create')}
          </Button>
        }
      >
        {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
        <Table<AnnouncementSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 940 }}
          locale={{ emptyText: t('announcementsAdmin.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
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
