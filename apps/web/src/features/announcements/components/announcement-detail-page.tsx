import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Divider, Empty, Result, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { PublicLayout } from '../../../components/public-layout';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { attachmentUrl, usePublicAnnouncement } from '../api/announcements';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One published announcement: title, date, the server-sanitised body, attachments, 返回. */
export function AnnouncementDetailPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const query = usePublicAnnouncement(id);
  const a = query.data;

  const back = () => {
    // Back to where the visitor came from when that was inside the app; the home page otherwise.
    if ((window.history.state as { idx?: number } | null)?.idx) void navigate(-1);
    else void navigate('/');
  };

  let content;
  if (query.isPending) content = <Skeleton active title paragraph={{ rows: 10 }} />;
  else if (query.isError)
    content =
      query.error instanceof ApiError && query.error.status === 404 ? (
        <Result status="404" title={t('home.announcement.notFound')} />
      ) : (
        <Alert type="error" showIcon title={query.error.message} />
      );
  else if (a)
    content = (
      <article>
        <Typography.Title level={2} style={{ textAlign: 'center', fontSize: 24, marginBottom: 12 }}>
          {a.title}
        </Typography.Title>
        <div style={{ textAlign: 'center', color: '#8c8c8c' }}>
          {a.pinned && (
            <Tag color="red" style={{ marginInlineEnd: 12 }}>
              {t('home.announcements.pinned')}
            </Tag>
          )}
          {t('home.announcement.publishedAt')}
          {a.publishedAt ? dayjs(a.publishedAt).format('YYYY-MM-DD HH:mm') : '-'}
        </div>
        <Divider />
        {/* bodyHtml is sanitised by the server: only basic formatting survives. */}
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        <Divider titlePlacement="start" plain>
          {t('home.announcement.attachments')}
        </Divider>
        {a.attachments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.announcement.noAttachments')} />
        ) : (
          <ul aria-label={t('home.announcement.attachments')} style={{ paddingLeft: 0, listStyle: 'none' }}>
            {a.attachments.map((f) => (
              <li key={f.id} style={{ padding: '6px 0' }}>
                <PaperClipOutlined style={{ marginRight: 8, color: '#8c8c8c' }} />
                <a href={attachmentUrl(a.id, f.id)} download={f.filename}>
                  {f.filename}
                </a>
                <span style={{ marginLeft: 12, color: '#8c8c8c' }}>{fileSize(f.size)}</span>
              </li>
            ))}
          </ul>
        )}
      </article>
    );

  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">{t('home.breadcrumb')}</Link> },
          { title: t('home.announcements.title') },
        ]}
      />
      <Card styles={{ body: { padding: '32px 48px' } }}>
        {content}
        <div style={{ textAlign: 'center', marginTop: 32 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('common.back')}
          </Button>
        </div>
      </Card>
    </PublicLayout>
  );
}
