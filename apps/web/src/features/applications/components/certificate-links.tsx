import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { certificateDownloadUrl, certificatePdfUrl } from '../api/certificates';
import { download } from '../api/download';

/**
 * 下载: fetches `<number>.pdf` as an attachment; a failure (e.g. the session ended) is told in a message
 * instead of saving an error page as a file.
 */
function useCertificateDownload(number: string) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await download(certificateDownloadUrl(number), locale, `${number}.pdf`);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/**
 * The 证明号 of the list (SPEC §3.7): the number itself previews the certificate in a new tab (the browser's
 * own PDF viewer: zoom, print, save), the icon beside it downloads it.
 */
export function CertificateNumberLink({ number }: { number: string }) {
  const { t } = useI18n();
  const dl = useCertificateDownload(number);
  return (
    <Space size={2} style={{ whiteSpace: 'nowrap' }}>
      <Tooltip title={t('apps.cert.preview.hint')}>
        <a
          href={certificatePdfUrl(number)}
          target="_blank"
          rel="noopener"
          aria-label={t('apps.cert.preview.label', { number })}
        >
          {number}
        </a>
      </Tooltip>
      <Tooltip title={t('apps.cert.download')}>
        <Button
          type="text"
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          loading={dl.busy}
          aria-label={t('apps.cert.download.label', { number })}
          onClick={() => void dl.run()}
        />
      </Tooltip>
    </Space>
  );
}

/** 预览 and 下载 as buttons (the certificate section of the application detail). */
export function CertificateButtons({ number }: { number: string }) {
  const { t } = useI18n();
  const dl = useCertificateDownload(number);
  return (
    <Space>
      <Button
        type="primary"
        icon={<EyeOutlined aria-hidden />}
        href={certificatePdfUrl(number)}
        target="_blank"
        rel="noopener"
        aria-label={t('apps.cert.preview.label', { number })}
      >
        {t('apps.cert.preview')}
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} loading={dl.busy} onClick={() => void dl.run()}>
        {t('apps.cert.download')}
      </Button>
    </Space>
  );
}
