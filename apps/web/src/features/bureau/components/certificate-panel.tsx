import {
  DownloadOutlined,
  ExportOutlined,
  EyeOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Modal, Space } from 'antd';
import type { CertificateSummary } from '@ccc/domain';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { certificateDownloadUrl, certificatePdfUrl } from '../../applications/api/certificates';
import { download } from '../../applications/api/download';
import '../../applications/components/applications.css';
import { useReloadBureau, useRevokeCertificate } from '../api/review';
import { CertificateDescriptions } from './certificate-descriptions';
import { hasFieldErrors, isConflict } from './conflict';
import { ReasonModal } from './reason-modal';
import './bureau.css';
import '../../../components/decision-alert.css';

/**
 * 免办证明 of an issued case: 证明号, 证明状态, issue date and bureau; 预览 (the PDF in a dialog), 下载, and
 * 撤销证明 with a required reason (Art. 52) while the certificate is valid.
 */
export function CertificatePanel({
  applicationId,
  certificate: c,
}: {
  applicationId: string;
  certificate: CertificateSummary;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = AntApp.useApp();
  const revoke = useRevokeCertificate(applicationId);
  const reload = useReloadBureau();
  const [previewing, setPreviewing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [revoking, setRevoking] = useState(false);

  async function save() {
    setDownloading(true);
    try {
      await download(certificateDownloadUrl(c.number), locale, `${c.number}.pdf`);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setDownloading(false);
    }
  }

  async function revokeWith(reason: string) {
    try {
      await revoke.mutateAsync({ number: c.number, reason });
      void message.success(t('bureau.cert.revoke.done', { number: c.number }));
    } catch (err) {
      if (isConflict(err)) {
        void reload();
        modal.warning({
          title: t('bureau.decision.conflictTitle'),
          content: err.message,
          okText: t('common.confirm'),
        });
        return;
      }
      if (!hasFieldErrors(err)) void message.error(errorText(err, t));
      throw err;
    }
  }

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
          <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void save()}>
            {t('bureau.cert.download')}
          </Button>
          {c.status === 'valid' && (
            <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setRevoking(true)}>
              {t('bureau.cert.revoke')}
            </Button>
          )}
        </Space>
      }
    >
      {c.status === 'revoked' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('bureau.cert.revokedAt', { time: formatTime(c.revokedAt) })}
          description={
            <span className="reason-text">
              {t('bureau.cert.revokeReasonText', { reason: c.revokeReason ?? '—' })}
            </span>
          }
        />
      )}
      <CertificateDescriptions certificate={c} withVerificationCode />
      <Modal
        open={previewing}
        title={t('bureau.cert.previewTitle', { number: c.number })}
        onCancel={() => setPreviewing(false)}
        width={960}
        destroyOnHidden
        footer={
          <Space>
            <Button
              icon={<ExportOutlined aria-hidden />}
              href={certificatePdfUrl(c.number)}
              target="_blank"
              rel="noopener"
            >
              {t('bureau.cert.openInTab')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void save()}>
              {t('bureau.cert.download')}
            </Button>
            <Button type="primary" onClick={() => setPreviewing(false)}>
              {t('common.back')}
            </Button>
          </Space>
        }
      >
        <iframe
          className="bureau-pdf-frame"
          src={certificatePdfUrl(c.number)}
          title={t('bureau.cert.previewTitle', { number: c.number })}
        />
      </Modal>
      <ReasonModal
        open={revoking}
        title={t('bureau.cert.revokeTitle', { number: c.number })}
        label={t('bureau.cert.revokeReason')}
        requiredMessage={t('bureau.cert.revokeRequired')}
        notice={t('bureau.cert.revokeNote')}
        danger
        onSubmit={revokeWith}
        onClose={() => setRevoking(false)}
      />
    </Card>
  );
}
