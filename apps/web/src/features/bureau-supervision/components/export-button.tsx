import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { download } from '../../applications/api/download';

/** 导出Excel of a list with its current filter; a progress message while the server builds the file. */
export function ExportButton({
  url,
  fileName,
  empty,
}: {
  url: string;
  /** Used when the server names no file. */
  fileName: string;
  /** Nothing to export: the button is disabled. */
  empty: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);

  async function run() {
    setExporting(true);
    const hide = message.loading(t('bureau.search.exporting'), 0);
    try {
      await download(url, locale, fileName);
      void message.success(t('bureau.search.exported'));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      hide();
      setExporting(false);
    }
  }

  return (
    <Tooltip title={t('apps.export.hint')}>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={exporting}
        disabled={exporting || empty}
        onClick={() => void run()}
      >
        {t('apps.export')}
      </Button>
    </Tooltip>
  );
}
