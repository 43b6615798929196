import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useDeleteAttachment, useUploadAttachment, type AnnouncementAttachment } from '../api/announcements';
import { errorText } from './error-text';
import { formatSize } from './format';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const ACCEPTED = /\.(pdf|jpe?g|png)$/i;

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

interface Props {
  attachments: AnnouncementAttachment[];
  /** The announcement's id, saving it as a draft first when it is new; null when it cannot be saved yet. */
  ensureSaved: () => Promise<string | null>;
  announcementId: string | undefined;
  attachmentUrl: (a: AnnouncementAttachment) => string;
}

/** 附件: upload with a progress bar per file, list with download and delete. */
export function AnnouncementAttachments({ attachments, ensureSaved, announcementId, attachmentUrl }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const [uploading, setUploading] = useState<Uploading[]>([]);

  async function start(file: File, uid: string) {
    if (!ACCEPTED.test(file.name)) {
      void message.error(t('announcementsAdmin.attachmentType', { name: file.name }));
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('announcementsAdmin.attachmentTooLarge', { name: file.name }));
      return;
    }
    const id = await ensureSaved();
    if (!id) return;
    setUploading((u) => [...u, { uid, name: file.name, percent: 0 }]);
    try {
      await upload.mutateAsync({
        id,
        file,
        onProgress: (percent) => setUploading((u) => u.map((x) => (x.uid === uid ? { ...x, percent } : x))),
      });
      void message.success(t('announcementsAdmin.attachmentUploaded', { name: file.name }));
    } catch (err) {
      void message.error(`${file.name}：${errorText(err, t)}`);
    } finally {
      setUploading((u) => u.filter((x) => x.uid !== uid));
    }
  }

  async function onDelete(a: AnnouncementAttachment) {
    if (!announcementId) return;
    try {
      await remove.mutateAsync({ id: announcementId, attachmentId: a.id });
      void message.success(t('announcementsAdmin.attachmentDeleted', { name: a.filename }));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          multiple
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          beforeUpload={(file) => {
            void start(file, file.uid);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('announcementsAdmin.uploadAttachment')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('announcementsAdmin.attachmentHint')}</Typography.Text>
      </Space>
      {uploading.map((u) => (
        <div key={u.uid} style={{ maxWidth: 560 }}>
          <Typography.Text>{u.name}</Typography.Text>
          <Progress percent={u.percent} size="small" status="active" />
        </div>
      ))}
      <Table<AnnouncementAttachment>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={attachments}
        locale={{ emptyText: t('announcementsAdmin.noAttachments') }}
        style={{ maxWidth: 760 }}
        columns={[
          {
            title: t('announcementsAdmin.attachmentName'),
            dataIndex: 'filename',
            render: (_, a) => (
              <Space>
                {a.mime === 'application/pdf' ? (
                  <FilePdfOutlined style={{ color: '#c0392b' }} />
                ) : (
                  <FileImageOutlined style={{ color: '#1f5fae' }} />
                )}
                <a href={attachmentUrl(a)} target="_blank" rel="noreferrer">
                  {a.filename}
                </a>
              </Space>
            ),
          },
          {
            title: t('announcementsAdmin.attachmentSize'),
            dataIndex: 'size',
            width: 110,
            render: formatSize,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, a) => (
              <Popconfirm
                title={t('announcementsAdmin.confirmDeleteAttachment', { name: a.filename })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void onDelete(a)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
