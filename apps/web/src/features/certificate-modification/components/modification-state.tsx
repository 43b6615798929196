import { Alert, Tag } from 'antd';
import type { ModificationState, ModificationStatus } from '@ccc/domain';
import type { ReactNode } from 'react';
import { DecisionAlert } from '../../../components/decision-alert';
import { useT, type TFunction } from '../../../lib/i18n';
import { formatTime } from '../../admin/components/format';
import './modification.css';

const statusColours: Record<ModificationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  refused: 'error',
};

export function ModificationStatusTag({ status }: { status: ModificationStatus | null }) {
  const t = useT();
  if (!status) return <Tag variant="filled">{t('mod.status.none')}</Tag>;
  return (
    <Tag color={statusColours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`mod.status.${status}`)}
    </Tag>
  );
}

/** What the page says about the request's state (and why nothing can be changed, when that is so). */
export function StateNotice({ s, t }: { s: ModificationState; t: TFunction }): ReactNode {
  const r = s.request;
  if (s.blockedReason === 'revoked')
    return <Alert type="error" showIcon role="alert" title={t('mod.blocked.revoked')} />;
  if (r?.status === 'approved')
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('mod.approved.title', { number: r.newCertificateNumber ?? '—' })}
        description={
          <>
            <div>{t('mod.approved.at', { time: formatTime(r.decidedAt) })}</div>
            <div>{t('mod.blocked.used')}</div>
          </>
        }
      />
    );
  if (r?.status === 'refused')
    return (
      <DecisionAlert title={t('mod.refused.title')} reason={r.refuseReason} meta={t('mod.blocked.used')} />
    );
  if (s.blockedReason === 'used')
    return <Alert type="warning" showIcon role="alert" title={t('mod.blocked.used')} />;
  if (r?.status === 'submitted')
    return (
      <Alert
        type="info"
        showIcon
        role="status"
        title={t('mod.submitted.title')}
        description={t('mod.submitted.at', { time: formatTime(r.submittedAt) })}
      />
    );
  if (r?.status === 'returned')
    return (
      <DecisionAlert title={t('mod.returned.title')} reason={r.returnReason} meta={t('mod.returned.next')} />
    );
  if (r?.status === 'draft')
    return <Alert type="info" showIcon title={t('mod.draft.note', { time: formatTime(r.updatedAt) })} />;
  return <Alert type="info" showIcon title={t('mod.once')} />;
}
