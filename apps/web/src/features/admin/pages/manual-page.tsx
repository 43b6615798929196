import { DownloadOutlined, FilePdfOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Progress,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { manualDownloadUrl, useManualInfo, useRestoreDefaultManual, useUploadManual } from '../api/manual';
import { errorText } from '../components/error-text';
import { formatSize, formatTime } from '../components/format';

const MAX_MANUAL_BYTES = 20 * 1024 * 1024;

/** 用户手册: which manual the home page offers, download it, replace it with a PDF, or go back to the default. */
export function ManualPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const info = useManualInfo();
  const upload = useUploadManual();
  const restore = useRestoreDefaultManual();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);

  async function start(file: File) {
    if (!/\.pdf$/i.test(file.name)) {
      void message.error(t('manualAdmin.pdfOnly'));
      return;
    }
    if (file.size > MAX_MANUAL_BYTES) {
      void message.error(t('manualAdmin.tooLarge'));
      return;
    }
    setProgress({ name: file.name, percent: 0 });
    try {
      await upload.mutateAsync({ file, onProgress: (percent) => setProgress({ name: file.name, percent }) });
      void message.success(t('manualAdmin.uploaded'));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setProgress(null);
    }
  }

  async function onRestore() {
    try {
      await restore.mutateAsync();
      void message.success(t('manualAdmin.restored'));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const m = info.data;
  return (
    <Card title={t('menu.manual')} loading={info.isPending}>
      <Typography.Paragraph type="secondary">{t('manualAdmin.intro')}</Typography.Paragraph>
      {info.isError && (
        <Alert type="error" showIcon title={errorText(info.error, t)} style={{ marginBottom: 16 }} />
      )}
      {m && (
        <Descriptions
          bordered
          column={1}
          size="middle"
          styles={{ label: { width: 180 } }}
          style={{ maxWidth: 760, marginBottom: 24 }}
          items={[
            {
              key: 'source',
              label: t('manualAdmin.current'),
              children: (
                <Tag color={m.source === 'uploaded' ? 'blue' : 'default'}>
                  {t(`manualAdmin.source.${m.source}`)}
                </Tag>
              ),
            },
            {
              key: 'file',
              label: t('manualAdmin.filename'),
              children: (
                <Space>
                  <FilePdfOutlined style={{ color: '#c0392b' }} />
                  {m.filename}
                </Space>
              ),
            },
            { key: 'size', label: t('manualAdmin.size'), children: formatSize(m.size) },
            { key: 'updated', label: t('manualAdmin.updatedAt'), children: formatTime(m.updatedAt) },
          ]}
        />
      )}
      <Space wrap size="middle">
        <Button icon={<DownloadOutlined />} href={manualDownloadUrl} target="_blank">
          {t('manualAdmin.download')}
        </Button>
        <Upload
          accept=".pdf,application/pdf"
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(file) => {
            void start(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={progress !== null}>
            {t('manualAdmin.upload')}
          </Button>
        </Upload>
        <Popconfirm
          title={t('manualAdmin.confirmRestore')}
          description={t('manualAdmin.confirmRestoreHint')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void onRestore()}
          disabled={m?.source !== 'uploaded'}
        >
          <Button icon={<RollbackOutlined />} disabled={m?.source !== 'uploaded'} loading={restore.isPending}>
            {t('manualAdmin.restore')}
          </Button>
        </Popconfirm>
      </Space>
      {progress && (
        <div style={{ maxWidth: 560, marginTop: 16 }}>
          <Typography.Text>{t('manualAdmin.uploading', { name: progress.name })}</Typography.Text>
          <Progress percent={progress.percent} status="active" />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('manualAdmin.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
