import { Descriptions, Space, Typography, type DescriptionsProps } from 'antd';
import type { CertificateSummary } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { CertificateStatusTag } from '../../applications/components/certificate-status-tag';

type Item = NonNullable<DescriptionsProps['items']>[number];

/**
 * What the bureau sees of a certificate: 证明号 (copyable), 证明状态, 签发日期, 版本, 持证人 and 签发机构. The
 * case's certificate panel adds the verification code; the modification review adds the original certificate
 * (after the status) and the application (at the end).
 */
export function CertificateDescriptions({
  certificate: c,
  withVerificationCode = false,
  afterStatus = [],
  trailing = [],
}: {
  certificate: CertificateSummary;
  withVerificationCode?: boolean;
  afterStatus?: Item[];
  trailing?: Item[];
}) {
  const t = useT();
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 150 } }}
      items={[
        {
          key: 'number',
          label: t('apps.col.certificateNo'),
          children: (
            <Typography.Text strong copyable={{ text: c.number }}>
              <span>{c.number}</span>
            </Typography.Text>
          ),
        },
        {
          key: 'status',
          label: t('bureau.cert.statusLabel'),
          children: <CertificateStatusTag status={c.status} />,
        },
        ...afterStatus,
        { key: 'issueDate', label: t('bureau.cert.issueDate'), children: c.issueDate },
        {
          key: 'version',
          label: t('bureau.cert.version'),
          children: t(`bureau.cert.versions.${c.version}`),
        },
        { key: 'holder', label: t('bureau.cert.holder'), children: c.holderNameZh },
        { key: 'bureau', label: t('bureau.cert.bureau'), children: c.bureauName },
        ...(withVerificationCode
          ? [
              {
                key: 'code',
                label: t('bureau.cert.verificationCode'),
                span: 'filled' as const,
                children: (
                  <Space size={12} wrap>
                    <Typography.Text code>{c.verificationCode}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('bureau.cert.verificationCodeHint')}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        ...trailing,
      ]}
    />
  );
}
