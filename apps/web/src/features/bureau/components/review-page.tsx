import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import type { ApplicationDetail } from '@ccc/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import {
  ApplicationDescriptions,
  HistoryTimeline,
} from '../../applications/components/application-detail-page';
import { AttachmentsSection } from '../../applications/components/attachments-section';
import { ProductsSection } from '../../applications/components/products-section';
import { StatusTag } from '../../applications/components/status-tag';
import '../../applications/components/applications.css';
import { useReview } from '../api/review';
import { CertificatePanel } from './certificate-panel';
import { DecisionBar } from './decision-bar';
import { LastReturnPanel } from './last-return-panel';
import { ServiceClockCard } from './service-clock';
import { useBackPath } from './use-back-path';
import '../../../components/decision-alert.css';

/** The state of a case that is no longer with the bureau, said at the top. */
function StateNotice({ a }: { a: ApplicationDetail }) {
  const t = useT();
  if (a.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('bureau.review.returnedNotice')}
        description={
          a.returnReason && (
            <div className="reason-text">{t('bureau.review.returnReason', { reason: a.returnReason })}</div>
          )
        }
      />
    );
  }
  if (a.status === 'refused') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('bureau.review.refusedNotice')}
        description={
          a.refuseReason && (
            <div className="reason-text">{t('bureau.review.refuseReason', { reason: a.refuseReason })}</div>
          )
        }
      />
    );
  }
  return null;
}

/**
 * 审核 (SPEC §4): the case read-only as the enterprise filed it (申请信息, 产品信息, 附件信息, 办理记录), its service
 * clock, what changed since the last 退回, the certificate once issued, and the decisions the state allows.
 */
export function ReviewPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const back = useBackPath('/bureau');
  const review = useReview(id);
  const detail = review.data;

  if (review.isError && !detail) {
    return (
      <Result
        status={review.error instanceof ApiError && review.error.status === 404 ? '404' : 'error'}
        title={errorText(review.error, t)}
        extra={<Link to={back}>{t('bureau.review.backToList')}</Link>}
      />
    );
  }
  if (!detail) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }

  const a = detail.application;
  const withBureau = a.status === 'submitted' || a.status === 'under_review';

  return (
    <>
      <PageHeader
        title={t(withBureau ? 'bureau.review.title' : 'bureau.review.viewTitle')}
        description={
          <Space size={8} wrap>
            <Typography.Text strong>{a.number}</Typography.Text>
            <StatusTag status={a.status} />
            <span>{a.organisation.nameZh}</span>
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              loading={review.isFetching}
              onClick={() => void review.refetch()}
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
        <StateNotice a={a} />
        {withBureau && detail.clock && <ServiceClockCard status={a.status} clock={detail.clock} />}
        {detail.certificate && <CertificatePanel applicationId={a.id} certificate={detail.certificate} />}
        {detail.lastReturn && <LastReturnPanel lastReturn={detail.lastReturn} />}
        <Card title={t('apps.form.section')}>
          <ApplicationDescriptions d={a} />
        </Card>
        <ProductsSection applicationId={a.id} products={a.products} editable={false} />
        <AttachmentsSection applicationId={a.id} attachments={a.attachments} editable={false} />
        <Card title={t('apps.history.title')}>
          <HistoryTimeline entries={a.history} />
        </Card>
      </div>
      <DecisionBar detail={detail} />
    </>
  );
}
