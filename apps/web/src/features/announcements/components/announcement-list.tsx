import { NotificationOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Pagination, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { usePublicAnnouncements } from '../api/announcements';

const PAGE_SIZE = 10;

/** 认监委发布的信息: the published announcements, pinned first, each linking to its page. */
export function AnnouncementList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = usePublicAnnouncements(page, PAGE_SIZE);
  const data = list.data;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError) body = <Alert type="error" showIcon title={list.error.message} />;
  else if (!data || data.items.length === 0)
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('home.announcements.empty')}
        style={{ marginTop: 72 }}
      />
    );
  else
    body = (
      <>
        <ul aria-label={t('home.announcements.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.items.map((a) => (
            <li key={a.id} className="notice-item">
              {a.pinned && (
                <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
                  {t('home.announcements.pinned')}
                </Tag>
              )}
              <Link className="notice-title" to={`/announcements/${a.id}`} title={a.title}>
                {a.title}
              </Link>
              {a.publishedAt && (
                <span className="notice-date">{dayjs(a.publishedAt).format('YYYY-MM-DD')}</span>
              )}
            </li>
          ))}
        </ul>
        {data.total > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16, justifyContent: 'flex-end' }}
            size="small"
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            showTotal={(total) => t('common.total', { total })}
            onChange={setPage}
          />
        )}
      </>
    );

  return (
    <Card
      title={
        <span>
          <NotificationOutlined style={{ color: '#a61d1d', marginRight: 8 }} />
          {t('home.announcements.title')}
        </span>
      }
      styles={{ body: { minHeight: 300, paddingTop: 8 } }}
    >
      {body}
    </Card>
  );
}
