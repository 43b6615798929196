import { Card, Descriptions, Space, Typography } from 'antd';
import type { ModificationState } from '@ccc/domain';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { CertificateStatusTag } from '../../applications/components/certificate-status-tag';
import { ModificationStatusTag } from './modification-state';

/** 证明信息 of 申请修改证明: the certificate being modified and where its modification request stands. */
export function ModificationCertificateCard({ s }: { s: ModificationState }) {
  const t = useT();
  const c = s.certificate;
  const request = s.request;
  return (
    <Card title={t('mod.certificate')}>
      <Descriptions
        bordered
        size="middle"
        column={2}
        styles={{ label: { width: 160 } }}
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
          {
            key: 'app',
            label: t('apps.col.number'),
            children: <Link to={`/portal/applications/${c.applicationId}`}>{c.applicationNumber}</Link>,
          },
          { key: 'issue', label: t('apps.cert.issueDate'), children: c.issueDate },
          { key: 'bureau', label: t('apps.cert.bureau'), children: c.bureauName },
          {
            key: 'request',
            label: t('mod.requestStatus'),
            children: (
              <Space size={8} wrap>
                <ModificationStatusTag status={request?.status ?? null} />
                {request?.status === 'approved' && request.newCertificateNumber && (
                  <Typography.Text>
                    {t('mod.newNumber', { number: request.newCertificateNumber })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
