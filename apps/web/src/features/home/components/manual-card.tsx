import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../lib/i18n';
import { manualDownloadUrl, useManualInfo } from '../api/manual';

/** 用户操作手册下载: the manual the administration offers (a default one ships with the system). */
export function ManualCard() {
  const t = useT();
  const info = useManualInfo().data;
  const details = [
    info?.size ? `PDF · ${(info.size / 1024 / 1024).toFixed(1)} MB` : 'PDF',
    info?.updatedAt ? t('home.manual.updated', { date: dayjs(info.updatedAt).format('YYYY-MM-DD') }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card styles={{ body: { display: 'flex', alignItems: 'center', gap: 16, padding: '16px 24px' } }}>
      <FilePdfOutlined style={{ fontSize: 36, color: '#c0392b' }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontWeight: 600, fontSize: 15 }}>{t('home.manual.heading')}</div>
        <div style={{ color: '#8c8c8c', fontSize: 13 }}>{details}</div>
      </div>
      <Button type="primary" href={manualDownloadUrl} download icon={<DownloadOutlined />}>
        {t('home.manual.download')}
      </Button>
    </Card>
  );
}
