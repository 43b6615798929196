import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Result, Skeleton, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PublicLayout } from '../../../components/public-layout';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { normaliseCertificateNumber, normaliseVerificationCode, useVerification } from '../api/verification';
import { VerificationResultView } from './verification-result';
import { VerifyForm } from './verify-form';
import './verification.css';

/**
 * 429: when the visitor may ask again (said once, for screen readers too), and 重新查询 counting down until
 * then.
 */
function RateLimited({
  seconds,
  message,
  onRetry,
}: {
  seconds: number | null;
  message: string;
  onRetry: () => void;
}) {
  const t = useT();
  const [left, setLeft] = useState(seconds ?? 0);
  const [until] = useState(() =>
    dayjs()
      .add(seconds ?? 0, 'second')
      .format('HH:mm'),
  );
  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(id);
  }, [left]);
  const when =
    seconds === null
      ? message
      : seconds < 120
        ? t('verify.rateLimited.wait', { seconds })
        : t('verify.rateLimited.waitMinutes', { minutes: Math.ceil(seconds / 60), time: until });
  return (
    <Result
      status="warning"
      title={t('verify.rateLimited.title')}
      subTitle={<span role="alert">{when}</span>}
      extra={
        <Button type="primary" icon={<ReloadOutlined aria-hidden />} disabled={left > 0} onClick={onRetry}>
          {left > 0 ? t('verify.retryIn', { seconds: left }) : t('verify.retry')}
        </Button>
      }
    />
  );
}

/** /verify/:number (the address in the certificate's QR code): the result, with the form to ask again. */
export function VerifyResultPage() {
  const t = useT();
  const { number: raw = '' } = useParams();
  const [params] = useSearchParams();
  const code = normaliseVerificationCode(params.get('code'));
  const number = normaliseCertificateNumber(raw);
  const q = useVerification(number, code);

  let content;
  if (!number) {
    content = (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('verify.number.invalidTitle', { number: raw })}
        description={t('verify.number.invalid')}
      />
    );
  } else if (q.isError) {
    const err = q.error;
    if (err instanceof ApiError && err.code === 'RATE_LIMITED') {
      const after = Number(err.details.retryAfter);
      content = (
        <RateLimited
          key={q.errorUpdatedAt}
          seconds={Number.isFinite(after) && after > 0 ? Math.ceil(after) : null}
          message={err.message}
          onRetry={() => void q.refetch()}
        />
      );
    } else {
      content = (
        <Result
          status="error"
          title={t('verify.failed')}
          subTitle={errorText(err, t)}
          extra={
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void q.refetch()}>
              {t('verify.retry')}
            </Button>
          }
        />
      );
    }
  } else if (q.data) {
    content = <VerificationResultView r={q.data} />;
  } else {
    content = <Skeleton active paragraph={{ rows: 8 }} />;
  }

  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">{t('home.breadcrumb')}</Link> },
          { title: <Link to="/verify">{t('verify.title')}</Link> },
          { title: number ?? raw },
        ]}
      />
      <Card
        title={
          <span>
            <SafetyCertificateOutlined aria-hidden style={{ color: '#a61d1d', marginRight: 8 }} />
            {t('verify.title')}
          </span>
        }
        style={{ marginBottom: 24 }}
        styles={{ body: { paddingBottom: 12 } }}
      >
        <VerifyForm
          layout="inline"
          idPrefix="verifyAgain"
          initialNumber={number ?? raw}
          initialCode={code}
          onSameQuery={() => void q.refetch()}
        />
      </Card>
      <Card title={t('verify.result.title')} aria-busy={q.isFetching}>
        <Spin spinning={q.isFetching && !!q.data}>{content}</Spin>
      </Card>
    </PublicLayout>
  );
}
