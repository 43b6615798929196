import { Alert, Descriptions, Tag, Typography } from 'antd';
import type {
  CertificateRecordsResponse,
  RecordDeadline,
  RecordKind,
  RecordStatus,
  UsageRecord,
} from '@ccc/domain';
import { DecisionAlert } from '../../../components/decision-alert';
import { useT } from '../../../lib/i18n';
import { formatTime } from '../../admin/components/format';
import { CertificateStatusTag } from '../../applications/components/certificate-status-tag';
import './records.css';

const statusColours: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  verified: 'success',
  returned: 'error',
};

/** 未提交 / 已提交 / 已核查 / 已退回. */
export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const t = useT();
  return (
    <Tag color={statusColours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`rec.status.${status}`)}
    </Tag>
  );
}

/** The kinds in the URL: /records/new/usage … */
export const urlKinds = [
  'usage',
  'reexport',
  'destruction',
  'writeoff',
] as const satisfies readonly RecordKind[];
export function isRecordKind(v: string | undefined): v is RecordKind {
  return (urlKinds as readonly string[]).includes(v ?? '');
}

/** 报告期限: the last day to report; overdue in red with the working days past it. */
export function DeadlineText({ deadline }: { deadline: RecordDeadline | null }) {
  const t = useT();
  if (!deadline) return <Typography.Text type="secondary">{t('rec.deadline.none')}</Typography.Text>;
  if (deadline.fullyReported)
    return (
      <span>
        {deadline.dueOn} <Tag color="success">{t('rec.deadline.done')}</Tag>
      </span>
    );
  return (
    <span>
      <Typography.Text type={deadline.overdue ? 'danger' : undefined} strong={deadline.overdue}>
        {deadline.dueOn}
      </Typography.Text>
      {deadline.overdue ? (
        <Tag color="error" style={{ marginInlineStart: 8 }}>
          {t('rec.deadline.overdue', { days: deadline.daysOverdue })}
        </Tag>
      ) : null}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {t(`rec.deadline.basis.${deadline.basis}`, { from: deadline.fromDate, days: deadline.days })}
      </Typography.Text>
    </span>
  );
}

/** The certificate the records belong to: number, status, issue date, clause and the reporting deadline. */
export function CertificateRecordsHeader({ data }: { data: CertificateRecordsResponse }) {
  const t = useT();
  const c = data.certificate;
  return (
    <>
      {c.status === 'revoked' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('rec.revoked', { time: formatTime(c.revokedAt) })}
          description={c.revokeReason ? <span className="reason-text">{c.revokeReason}</span> : undefined}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'number',
            label: t('apps.col.certificateNo'),
            children: (
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {c.number}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            label: t('apps.cert.status'),
            children: <CertificateStatusTag status={c.status} />,
          },
          { key: 'issue', label: t('apps.cert.issueDate'), children: c.issueDate },
          { key: 'clause', label: t('apps.f.clause'), children: data.clauseCode },
          { key: 'holder', label: t('rec.holder'), children: c.holderNameZh },
          { key: 'deadline', label: t('rec.deadline'), children: <DeadlineText deadline={data.deadline} /> },
        ]}
      />
    </>
  );
}

/** A record the bureau returned: its reason, when, and that it can be corrected and sent again. */
export function ReturnedNotice({ record }: { record: UsageRecord }) {
  const t = useT();
  return (
    <DecisionAlert
      title={t('rec.returned.title')}
      reason={record.returnReason}
      meta={`${t('rec.returned.at', { time: formatTime(record.returnedAt) })} · ${t('rec.returned.next')}`}
    />
  );
}
