import { PaperClipOutlined } from '@ant-design/icons';
import { Divider, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../lib/i18n';
import type { AnnouncementAttachment } from '../api/announcements';
import { sanitizeAnnouncementHtml } from './announcement-html';
import { PinnedTag } from './announcement-tags';
import { formatSize, formatTime } from './format';
import './rich-text.css';

interface Props {
  title: string;
  bodyHtml: string;
  publishedAt: string | null;
  pinned: boolean;
  attachments: AnnouncementAttachment[];
  attachmentUrl: (a: AnnouncementAttachment) => string;
}

/** The announcement laid out as its public detail page shows it. */
export function AnnouncementPreview({
  title,
  bodyHtml,
  publishedAt,
  pinned,
  attachments,
  attachmentUrl,
}: Props) {
  const t = useT();
  const html = useMemo(() => sanitizeAnnouncementHtml(bodyHtml), [bodyHtml]);
  return (
    <article style={{ padding: '8px 24px 16px' }}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 12 }}>
        {title || t('announcementsAdmin.untitled')}
      </Typography.Title>
      <div style={{ textAlign: 'center' }}>
        <Space size={8}>
          {pinned && <PinnedTag />}
          <Typography.Text type="secondary">
            {t('announcementsAdmin.publishedOn', {
              time: publishedAt ? formatTime(publishedAt) : t('announcementsAdmin.notYetPublished'),
            })}
          </Typography.Text>
        </Space>
      </div>
      <Divider style={{ margin: '16px 0 20px' }} />
      {html ? (
        <div className="ccc-article" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <Typography.Text type="secondary">{t('announcementsAdmin.emptyBody')}</Typography.Text>
      )}
      {attachments.length > 0 && (
        <>
          <Divider titlePlacement="start" plain style={{ marginTop: 24 }}>
            {t('announcementsAdmin.attachments')}
          </Divider>
          <Space orientation="vertical" size={8} style={{ display: 'flex' }}>
            {attachments.map((a) => (
              <Space key={a.id} size={8}>
                <PaperClipOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                <a href={attachmentUrl(a)} target="_blank" rel="noreferrer">
                  {a.filename}
                </a>
                <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
              </Space>
            ))}
          </Space>
        </>
      )}
    </article>
  );
}
