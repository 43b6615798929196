import { DownloadOutlined, ExportOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { certificateDownloadUrl, certificatePdfUrl } from '../../applications/api/certificates';
import { download } from '../../applications/api/download';
import './bureau.css';

/**
 * The 免办证明 card of the bureau's pages (a case, a modification request): 预览 (the PDF in a dialog, with
 * 在新窗口打开 and 下载) and 下载 in the header, then what the page shows of the certificate. `actions` come
 * after 下载 (撤销证明 on a case).
 */
export function BureauCertificateCard({
  number,
  actions,
  children,
}: {
  number: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [previewing, setPreviewing] = useState(false);
  const [downloading, setDownloading] = useState(false);

  async function save() {
    setDownloading(true);
    try {
      await download(certificateDownloadUrl(number), locale, `${number}.pdf`);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setDownloading(false);
    }
  }

  const downloadButton = (
    <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void save()}>
      {t('bureau.cert.download')}
    </Button>
  );
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined aria-hidden />
          {t('bureau.cert.title')}
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<EyeOutlined aria-hidden />} onClick={() => setPreviewing(true)}>
            {t('bureau.cert.preview')}
          </Button>
          {downloadButton}
          {actions}
        </Space>
      }
    >
      {children}
      <Modal
        open={previewing}
        title={t('bureau.cert.previewTitle', { number })}
        onCancel={() => setPreviewing(false)}
        width={960}
        destroyOnHidden
        footer={
          <Space>
            <Button
              icon={<ExportOutlined aria-hidden />}
              href={certificatePdfUrl(number)}
              target="_blank"
              rel="noopener"
            >
              {t('bureau.cert.openInTab')}
            </Button>
            {downloadButton}
            <Button type="primary" onClick={() => setPreviewing(false)}>
              {t('common.back')}
            </Button>
          </Space>
        }
      >
        <iframe
          className="bureau-pdf-frame"
          src={certificatePdfUrl(number)}
          title={t('bureau.cert.previewTitle', { number })}
        />
      </Modal>
    </Card>
  );
}
