import { ArrowLeftOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import type { ModificationRequest, ModificationReview } from '@ccc/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { certificatePdfUrl } from '../../applications/api/certificates';
import '../../bureau/components/bureau.css';
import { BureauCertificateCard } from '../../bureau/components/certificate-card';
import { CertificateDescriptions } from '../../bureau/components/certificate-descriptions';
import { useModificationReview } from '../api/modifications';
import { ComparisonTable } from './comparison-table';
import { ModificationDecisionBar } from './modification-decision-bar';
import { ModificationStatusTag } from './modification-status-tag';
import './modifications.css';
import { useBackPath } from '../../bureau/components/use-back-path';

/** What became of a request that is no longer with the bureau, said at the top. */
function StateNotice({ r }: { r: ModificationRequest }) {
  const t = useT();
  if (r.status === 'approved') {
    return (
      <Alert
        type="success"
        showIcon
        title={t('bmod.notice.approved', {
          time: formatTime(r.decidedAt),
          number: r.newCertificateNumber ?? '—',
        })}
        description={t('bmod.notice.approvedNote', { old: r.certificateNumber })}
      />
    );
  }
  if (r.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('bmod.notice.returned')}
        description={
          r.returnReason && (
            <div className="bmod-reason">{t('bmod.notice.returnReason', { reason: r.returnReason })}</div>
          )
        }
      />
    );
  }
  if (r.status === 'refused') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('bmod.notice.refused', { time: formatTime(r.decidedAt) })}
        description={
          r.refuseReason && (
            <div className="bmod-reason">{t('bmod.notice.refuseReason', { reason: r.refuseReason })}</div>
          )
        }
      />
    );
  }
  return null;
}

/** 免办证明: the certificate's current version (the modified one once approved), 预览 and 下载. */
function CertificateCard({ review }: { review: ModificationReview }) {
  const t = useT();
  const c = review.certificate;
  const r = review.request;
  return (
    <BureauCertificateCard number={c.number}>
      <CertificateDescriptions
        certificate={c}
        afterStatus={
          r.newCertificateNumber && r.newCertificateNumber === c.number
            ? [
                {
                  key: 'original',
                  label: t('bmod.cert.original'),
                  children: (
                    <Space size={8} wrap>
                      <span>{r.certificateNumber}</span>
                      <a href={certificatePdfUrl(r.certificateNumber)} target="_blank" rel="noopener">
                        <ExportOutlined aria-hidden /> {t('bmod.cert.viewOriginal')}
                      </a>
                    </Space>
                  ),
                },
              ]
            : []
        }
        trailing={[
          {
            key: 'application',
            label: t('bmod.col.application'),
            children: <Link to={`/bureau/applications/${r.applicationId}`}>{r.applicationNumber}</Link>,
          },
        ]}
      />
    </BureauCertificateCard>
  );
}

/**
 * 审核修改申请 (SPEC §3.8, §4): the certificate, the enterprise's 修改原因, the field-by-field comparison of the
 * certificate as issued and as requested, and the decisions while 待审核.
 */
export function ModificationReviewPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const back = useBackPath('/bureau/modifications');
  const query = useModificationReview(id);
  const review = query.data;

  if (query.isError && !review) {
    return (
      <Result
        status={query.error instanceof ApiError && query.error.status === 404 ? '404' : 'error'}
        title={errorText(query.error, t)}
        extra={<Link to={back}>{t('bmod.backToList')}</Link>}
      />
    );
  }
  if (!review) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }

  const r = review.request;
  return (
    <>
      <PageHeader
        title={t(r.status === 'submitted' ? 'bmod.review.title' : 'bmod.review.viewTitle')}
        description={
          <Space size={8} wrap>
            <Typography.Text strong>{r.certificateNumber}</Typography.Text>
            <ModificationStatusTag status={r.status} />
            <span>{r.organisationName}</span>
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              loading={query.isFetching}
              onClick={() => void query.refetch()}
            >
              {t('bureau.review.reload')}
            </Button>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(back)}>
              {t('common.back')}
            </Button>
          </Space>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <StateNotice r={r} />
        <CertificateCard review={review} />
        <Card title={t('bmod.reason.title')}>
          <Descriptions
            size="middle"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'submittedAt',
                label: t('apps.col.submittedAt'),
                children: formatTime(r.submittedAt),
              },
              { key: 'organisation', label: t('apps.detail.organisation'), children: r.organisationName },
            ]}
          />
          <Typography.Paragraph className="bmod-reason" style={{ marginTop: 8 }}>
            {r.reason || '—'}
          </Typography.Paragraph>
        </Card>
        <Card title={t('bmod.compare.title')}>
          <ComparisonTable review={review} />
        </Card>
      </div>
      <ModificationDecisionBar review={review} />
    </>
  );
}
