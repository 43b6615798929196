import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  QuestionCircleFilled,
} from '@ant-design/icons';
import { Alert, Descriptions, Table, Typography } from 'antd';
import type { CertificateStatus, VerificationResult } from '@ccc/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { formatTime } from '../../admin/components/format';
import { verifyPath } from '../api/verification';
import './verification.css';

type Product = NonNullable<VerificationResult['products']>[number];

const icons: Record<CertificateStatus | 'notfound', ReactNode> = {
  valid: <CheckCircleFilled />,
  revoked: <CloseCircleFilled />,
  superseded: <ExclamationCircleFilled />,
  notfound: <QuestionCircleFilled />,
};

/** The big coloured verdict at the top of the result. */
function StatusBanner({
  kind,
  label,
  sub,
}: {
  kind: CertificateStatus | 'notfound';
  label: string;
  sub: ReactNode;
}) {
  return (
    <div className={`verify-status verify-status-${kind}`} role="status" data-status={kind}>
      <span className="verify-status-icon" aria-hidden>
        {icons[kind]}
      </span>
      <div style={{ minWidth: 0 }}>
        <div className="verify-status-label">{label}</div>
        <div className="verify-status-sub">{sub}</div>
      </div>
    </div>
  );
}

function ProductsPart({ r }: { r: VerificationResult }) {
  const t = useT();
  if (r.codeValid === false)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('verify.code.wrong.title')}
        description={t('verify.code.wrong.description')}
      />
    );
  if (r.codeValid === null || !r.products)
    return <Alert type="info" showIcon title={t('verify.code.missing')} />;
  return (
    <>
      <Typography.Title level={5} style={{ margin: '0 0 12px' }}>
        {t('verify.products.title', { count: r.products.length })}
      </Typography.Title>
      <Table<Product>
        rowKey="lineNo"
        size="middle"
        bordered
        pagination={false}
        dataSource={r.products}
        scroll={{ x: 720 }}
        columns={[
          { title: t('verify.products.lineNo'), dataIndex: 'lineNo', width: 64, align: 'center' },
          { title: t('verify.products.hsCode'), dataIndex: 'hsCode', width: 130 },
          { title: t('verify.products.name'), dataIndex: 'productName' },
          { title: t('verify.products.model'), dataIndex: 'model' },
          { title: t('verify.products.quantity'), dataIndex: 'quantity', width: 110, align: 'right' },
          { title: t('verify.products.unit'), dataIndex: 'unit', width: 80 },
        ]}
      />
    </>
  );
}

/** The answer of 证明查询 for a number the system knows, or the notice that it does not know it. */
export function VerificationResultView({ r }: { r: VerificationResult }) {
  const t = useT();
  if (!r.found || !r.status)
    return (
      <StatusBanner
        kind="notfound"
        label={t('verify.notFound.title')}
        sub={t('verify.notFound.description', { number: r.number })}
      />
    );

  const sub =
    r.status === 'valid' ? (
      t('verify.valid.description', { bureau: r.bureauName ?? '—' })
    ) : r.status === 'revoked' ? (
      t('verify.revoked.description', { date: r.revokedOn ?? '—' })
    ) : (
      <>
        {t('verify.superseded.description')}
        {r.supersededBy && (
          <>
            {' '}
            <Link to={verifyPath(r.supersededBy)} className="verify-number">
              {r.supersededBy}
            </Link>
          </>
        )}
      </>
    );

  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    {
      key: 'number',
      label: t('verify.number'),
      children: <span className="verify-number">{r.number}</span>,
    },
    { key: 'status', label: t('verify.status'), children: t(`apps.cert.status.${r.status}`) },
    {
      key: 'holder',
      label: t('verify.holder'),
      span: 2,
      children: (
        <div>
          <div>{r.holderNameZh ?? '—'}</div>
          {r.holderNameEn && <div className="verify-holder-en">{r.holderNameEn}</div>}
        </div>
      ),
    },
    { key: 'issueDate', label: t('verify.issueDate'), children: r.issueDate ?? '—' },
    {
      key: 'version',
      label: t('verify.version'),
      children: r.version ? t(`apps.cert.version.${r.version}`) : '—',
    },
    { key: 'bureau', label: t('verify.bureau'), children: r.bureauName ?? '—', span: 2 },
  ];
  if (r.status === 'revoked')
    items.push({
      key: 'revokedOn',
      label: t('verify.revokedOn'),
      span: 2,
      children: <Typography.Text type="danger">{r.revokedOn ?? '—'}</Typography.Text>,
    });
  if (r.status === 'superseded' && r.supersededBy)
    items.push({
      key: 'supersededBy',
      label: t('verify.supersededBy'),
      span: 2,
      children: (
        <Link to={verifyPath(r.supersededBy)} className="verify-number">
          {r.supersededBy}
        </Link>
      ),
    });

  return (
    <>
      <StatusBanner kind={r.status} label={t(`apps.cert.status.${r.status}`)} sub={sub} />
      <Descriptions
        bordered
        size="middle"
        column={{ xs: 1, sm: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        items={items}
        style={{ marginBottom: 24 }}
      />
      <ProductsPart r={r} />
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 13 }}>
        {t('verify.checkedAt', { time: formatTime(r.checkedAt) })}
      </Typography.Paragraph>
    </>
  );
}
