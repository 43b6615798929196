import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import type { ReferenceDatasetKey } from '@ccc/domain';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { download } from '../../applications/api/download';
import { exportUrl } from '../api/reference-admin';

/** 导出CSV / 导出Excel of the whole dataset (the edition shown), in the import's file format. */
export function ExportButtons({ dataset, edition }: { dataset: ReferenceDatasetKey; edition?: string }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);

  async function run(format: 'csv' | 'xlsx') {
    setBusy(format);
    const hide = message.loading(t('refadm.export.running'), 0);
    try {
      const fallback = `${dataset}${edition ? `-${edition}` : ''}.${format}`;
      await download(exportUrl(dataset, format, edition), locale, fallback);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      hide();
      setBusy(null);
    }
  }

  return (
    <Space.Compact>
      <Button
        icon={<FileTextOutlined aria-hidden />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
      >
        {t('refadm.export.csv')}
      </Button>
      <Button
        icon={<FileExcelOutlined aria-hidden />}
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
      >
        {t('refadm.export.xlsx')}
      </Button>
    </Space.Compact>
  );
}
