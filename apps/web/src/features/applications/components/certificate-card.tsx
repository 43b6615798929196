import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import type { CertificateSummary } from '@ccc/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useCertificate } from '../api/certificates';
import { CertificateButtons } from './certificate-links';
import { CertificateStatusTag } from './certificate-status-tag';
import './applications.css';
import '../../../components/decision-alert.css';

const iconColours: Record<CertificateSummary['status'], string> = {
  valid: '#389e0d',
  superseded: '#d46b08',
  revoked: '#cf1322',
};

/**
 * 免办证明: what the certificate says about itself — number, status (a revoked one in red with the date and
 * reason), version, issue date, issuing bureau and the verification code printed on it — with 预览 / 下载.
 * `extra` adds actions at the card's top right (e.g. the bureau's 撤销).
 */
export function CertificateCard({
  certificate: c,
  extra,
}: {
  certificate: CertificateSummary;
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden style={{ color: iconColours[c.status], marginRight: 8 }} />
          {t('apps.cert.title')}
        </span>
      }
      extra={extra}
    >
      {c.status === 'revoked' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('apps.cert.revoked.title', { time: formatTime(c.revokedAt) })}
          description={
            <div className="reason-text">
              {t('apps.cert.revoked.reason', { reason: c.revokeReason ?? '—' })}
            </div>
          }
        />
      )}
      {c.status === 'superseded' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('apps.cert.superseded.note')} />
      )}
      <Descriptions
        bordered
        size="middle"
        column={2}
        styles={{ label: { width: 180 } }}
        items={[
          {
            key: 'number',
            label: t('apps.col.certificateNo'),
            children: <Typography.Text strong>{c.number}</Typography.Text>,
          },
          {
            key: 'status',
            label: t('apps.cert.status'),
            children: <CertificateStatusTag status={c.status} />,
          },
          { key: 'issueDate', label: t('apps.cert.issueDate'), children: c.issueDate },
          { key: 'version', label: t('apps.cert.version'), children: t(`apps.cert.version.${c.version}`) },
          { key: 'bureau', label: t('apps.cert.bureau'), children: c.bureauName, span: 2 },
          {
            key: 'code',
            label: t('apps.cert.verificationCode'),
            span: 2,
            children: (
              <span>
                <Typography.Text code copyable={{ text: c.verificationCode }} style={{ fontSize: 15 }}>
                  {c.verificationCode}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  {t('apps.cert.verificationCode.hint')}{' '}
                  <Link
                    to={`/verify/${encodeURIComponent(c.number)}?code=${encodeURIComponent(c.verificationCode)}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('apps.cert.verifyLink')}
                  </Link>
                </Typography.Text>
              </span>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <CertificateButtons number={c.number} />
      </div>
    </Card>
  );
}

/** The 免办证明 section of an issued application: loads the certificate by its number. */
export function CertificateSection({ number }: { number: string }) {
  const t = useT();
  const cert = useCertificate(number);
  if (cert.data) return <CertificateCard certificate={cert.data} />;
  return (
    <Card title={t('apps.cert.title')}>
      {cert.isError ? (
        <>
          <Alert type="error" showIcon title={errorText(cert.error, t)} style={{ marginBottom: 16 }} />
          <CertificateButtons number={number} />
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}
