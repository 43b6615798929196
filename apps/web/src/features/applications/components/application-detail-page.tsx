import { ArrowLeftOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ApplicationDetail, ApplicationHistoryEntry } from '@ccc/domain';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useI18n, useT, type TFunction } from '../../../lib/i18n';
import { historyActionText } from './history-action';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useApplication, useWithdrawApplication } from '../api/applications';
import { AttachmentsSection } from './attachments-section';
import { CertificateSection } from './certificate-card';
import { ProductsSection } from './products-section';
import { RefuseReason, ReturnReason } from './return-reason';
import { StatusTag } from './status-tag';
import '../../../components/decision-alert.css';

const text = (v: string | null | undefined): ReactNode =>
  v ? (
    <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

const historyColours: Record<string, string> = {
  APPLICATION_CREATED: 'blue',
  APPLICATION_SUBMITTED: 'green',
  APPLICATION_WITHDRAWN: 'orange',
  APPLICATION_RETURNED: 'red',
  APPLICATION_REFUSED: 'red',
  APPLICATION_ACCEPTED: 'blue',
  APPLICATION_APPROVED: 'green',
  APPLICATION_ISSUED: 'green',
  CERTIFICATE_ISSUED: 'green',
  CERTIFICATE_REVOKED: 'red',
  PRODUCT_DELETED: 'gray',
  ATTACHMENT_DELETED: 'gray',
};

/** When the latest entry of an action happened (e.g. the last 退回), if the history has it. */
function lastAt(entries: ApplicationHistoryEntry[], action: string): string | null {
  let at: string | null = null;
  for (const e of entries) if (e.action === action && (!at || e.at > at)) at = e.at;
  return at;
}

/** Who: the contact name with the user name, and the role. */
function actorText(e: ApplicationHistoryEntry, t: TFunction): string {
  const who = e.actorName
    ? t('apps.history.actor', { name: e.actorName, username: e.actorUsername ?? '' })
    : (e.actorUsername ?? t('apps.history.system'));
  return e.actorRole ? t('apps.history.by', { name: who, role: t(`role.${e.actorRole}`) }) : who;
}

export function HistoryTimeline({ entries }: { entries: ApplicationHistoryEntry[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.history.empty')} />;
  return (
    <Timeline
      titleSpan="150px"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: historyColours[e.action] ?? 'blue',
        title: formatTime(e.at),
        content: (
          <div>
            <Space size={8} wrap>
              <Typography.Text strong>{historyActionText(e.action, t, locale)}</Typography.Text>
              {e.subject && <Tag>{e.subject}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">{actorText(e, t)}</Typography.Text>
            </div>
            {e.reason && (
              <div className="reason-text" style={{ marginTop: 4 }}>
                {t('apps.history.reason', { reason: e.reason })}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function ApplicationDescriptions({ d }: { d: ApplicationDetail }) {
  const t = useT();
  const f = d.fields;
  const items: { key: string; label: string; children: ReactNode; span?: number | 'filled' }[] = [
    { key: 'number', label: t('apps.col.number'), children: d.number },
    { key: 'status', label: t('apps.col.status'), children: <StatusTag status={d.status} /> },
    {
      key: 'org',
      label: t('apps.detail.organisation'),
      children: `${d.organisation.nameZh}（${d.organisation.code}）`,
    },
    { key: 'cert', label: t('apps.col.certificateNo'), children: text(d.certificateNumber) },
    {
      key: 'clause',
      label: t('apps.f.clause'),
      children: `${f.clauseCode} ${d.names.clause.name ?? ''}`,
      span: 2,
    },
  ];
  // 二级明细条款 and 申请人类型 share a line when both are there.
  const alone = !f.subClauseCode || !f.applicantTypeCode ? 2 : 1;
  if (f.subClauseCode)
    items.push({
      key: 'sub',
      label: t('apps.f.subClause'),
      children: text(d.names.subClause.name),
      span: alone,
    });
  if (f.applicantTypeCode)
    items.push({
      key: 'applicant',
      label: t('apps.f.applicantType'),
      children: text(d.names.applicantType.name),
      span: alone,
    });
  items.push(
    {
      key: 'location',
      label: t('apps.f.locationSection'),
      span: 2,
      children: (
        <span>
          {d.names.locationDivision}
          {d.names.locationAddressType.name && (
            <Tag style={{ marginInline: 8 }}>{d.names.locationAddressType.name}</Tag>
          )}
          {f.locationAddress}
        </span>
      ),
    },
    {
      key: 'use',
      label: t('apps.f.useSection'),
      span: 2,
      children: text([d.names.useDivision, f.useAddress].filter(Boolean).join(' ')),
    },
    { key: 'bureau', label: t('apps.f.bureau'), children: d.names.bureau, span: 2 },
    { key: 'bl', label: t('apps.f.billOfLadingNo'), children: text(f.billOfLadingNo) },
    { key: 'contract', label: t('apps.f.contractNo'), children: text(f.contractNo) },
    { key: 'invoice', label: t('apps.f.invoiceNo'), children: text(f.invoiceNo), span: 'filled' },
    { key: 'features', label: t('apps.f.productFeatures'), children: text(f.productFeatures), span: 2 },
    { key: 'reason', label: t('apps.f.exemptionReason'), children: text(f.exemptionReason), span: 2 },
    { key: 'safety', label: t('apps.f.safetyAssurance'), children: text(f.safetyAssurance), span: 2 },
  );
  if (f.displayStartDate || f.displayEndDate || f.postDisplayDisposal) {
    items.push(
      {
        key: 'display',
        label: t('apps.f.displayPeriod'),
        children: `${f.displayStartDate ?? '—'} ~ ${f.displayEndDate ?? '—'}`,
        span: 2,
      },
      {
        key: 'disposal',
        label: t('apps.f.postDisplayDisposal'),
        children: text(f.postDisplayDisposal),
        span: 2,
      },
    );
  }
  items.push(
    {
      key: 'created',
      label: t('apps.detail.created'),
      children: `${formatTime(d.createdAt)} ${d.createdBy.contactName ?? d.createdBy.username ?? ''}`,
    },
    { key: 'submitted', label: t('apps.col.submittedAt'), children: formatTime(d.submittedAt) },
  );
  return <Descriptions bordered size="middle" column={2} styles={{ label: { width: 180 } }} items={items} />;
}

/** 查看申请 (clicking the 申请编号): the read-only application, its products, attachments and history. */
export function ApplicationDetailPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const detail = useApplication(id);
  const withdraw = useWithdrawApplication();
  const d = detail.data;

  if (detail.isError) {
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title={errorText(detail.error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title={t('apps.detail.title')}
        description={t('apps.detail.description')}
        extra={
          <Space>
            {d.actions.includes('edit') && (
              <Button
                type="primary"
                icon={<EditOutlined aria-hidden />}
                onClick={() => void navigate(`/portal/applications/${d.id}/edit`)}
              >
                {t('common.edit')}
              </Button>
            )}
            {d.actions.includes('withdraw') && (
              <Popconfirm
                title={t('apps.withdraw.confirm', { number: d.number })}
                description={t('apps.withdraw.note')}
                okText={t('apps.withdraw')}
                onConfirm={() =>
                  void (async () => {
                    try {
                      await withdraw.mutateAsync(d.id);
                      void message.success(t('apps.withdraw.done', { number: d.number }));
                    } catch (err) {
                      void message.error(errorText(err, t));
                    }
                  })()
                }
              >
                <Button icon={<RollbackOutlined aria-hidden />}>{t('apps.withdraw')}</Button>
              </Popconfirm>
            )}
            {d.status === 'issued' && d.certificateNumber && (
              <Button
                onClick={() =>
                  void navigate(
                    `/portal/certificates/${encodeURIComponent(d.certificateNumber!)}/modification`,
                  )
                }
              >
                {t('mod.action')}
              </Button>
            )}
            {d.status === 'issued' && d.certificateNumber && (
              <Button
                onClick={() =>
                  void navigate(`/portal/certificates/${encodeURIComponent(d.certificateNumber!)}/records`)
                }
              >
                {t('rec.action')}
              </Button>
            )}
            <Button
              icon={<ArrowLeftOutlined aria-hidden />}
              onClick={() => void navigate('/portal/applications')}
            >
              {t('common.back')}
            </Button>
          </Space>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {d.status === 'returned' && (
          <ReturnReason reason={d.returnReason} at={lastAt(d.history, 'APPLICATION_RETURNED')} />
        )}
        {d.status === 'refused' && (
          <RefuseReason reason={d.refuseReason} at={lastAt(d.history, 'APPLICATION_REFUSED')} />
        )}
        {d.certificateNumber && <CertificateSection number={d.certificateNumber} />}
        <Card title={t('apps.form.section')}>
          <ApplicationDescriptions d={d} />
        </Card>
        <ProductsSection applicationId={d.id} products={d.products} editable={false} />
        <AttachmentsSection applicationId={d.id} attachments={d.attachments} editable={false} />
        <Card title={t('apps.history.title')}>
          <HistoryTimeline entries={d.history} />
        </Card>
      </div>
    </>
  );
}
