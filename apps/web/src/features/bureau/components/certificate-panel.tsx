import { StopOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button } from 'antd';
import type { CertificateSummary } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import '../../applications/components/applications.css';
import { useReloadBureau, useRevokeCertificate } from '../api/review';
import { BureauCertificateCard } from './certificate-card';
import { CertificateDescriptions } from './certificate-descriptions';
import { hasFieldErrors, isConflict } from './conflict';
import { ReasonModal } from './reason-modal';
import './bureau.css';
import '../../../components/decision-alert.css';

/**
 * 免办证明 of an issued case: 证明号, 证明状态, issue date and bureau; 预览, 下载, and 撤销证明 with a required
 * reason (Art. 52) while the certificate is valid.
 */
export function CertificatePanel({
  applicationId,
  certificate: c,
}: {
  applicationId: string;
  certificate: CertificateSummary;
}) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const revoke = useRevokeCertificate(applicationId);
  const reload = useReloadBureau();
  const [revoking, setRevoking] = useState(false);

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
    <BureauCertificateCard
      number={c.number}
      actions={
        c.status === 'valid' && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setRevoking(true)}>
            {t('bureau.cert.revoke')}
          </Button>
        )
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
    </BureauCertificateCard>
  );
}
