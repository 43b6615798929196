import { RollbackOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Typography } from 'antd';
import { canApplyModification, type ModificationReview } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { hasFieldErrors, isConflict } from '../../bureau/components/conflict';
import { ReasonModal } from '../../bureau/components/reason-modal';
import '../../bureau/components/bureau.css';
import {
  useDecideModification,
  useReloadModifications,
  type ModificationDecision,
} from '../api/modifications';

/**
 * 审核操作 of a modification request while 待审核: 批准修改 (confirmed; issues the modified version and says its
 * number), 退回 and 不予修改 (a reason is required; 不予修改 is final). A decision that meets a request that
 * moved on meanwhile (409) says so and shows the request as it now is.
 */
export function ModificationDecisionBar({ review }: { review: ModificationReview }) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const r = review.request;
  const decide = useDecideModification(r.id);
  const reload = useReloadModifications();
  const [reasonKind, setReasonKind] = useState<'return' | 'refuse'>('return');
  const [reasonOpen, setReasonOpen] = useState(false);
  const can = (d: ModificationDecision) => canApplyModification(r.status, d, 'officer');
  if (!can('approve') && !can('return') && !can('refuse')) return null;

  const ask = (kind: 'return' | 'refuse') => {
    setReasonKind(kind);
    setReasonOpen(true);
  };

  /** Resolves when the dialog may close; rejects to keep it open (the reason typed stays). */
  async function run(decision: ModificationDecision, reason?: string) {
    try {
      const next = await decide.mutateAsync({ decision, reason, expectedStatus: r.status });
      if (decision === 'approve') {
        const number = next.request.newCertificateNumber ?? next.certificate.number;
        modal.success({
          title: t('bmod.decision.approve.done'),
          content: t('bmod.decision.approve.doneText', { old: r.certificateNumber, number }),
          okText: t('common.confirm'),
        });
      } else {
        void message.success(t(`bmod.decision.${decision}.done`, { number: r.certificateNumber }));
      }
    } catch (err) {
      if (isConflict(err)) {
        void reload();
        modal.warning({
          title: t('bureau.decision.conflictTitle'),
          content: err.message,
          okText: t('common.confirm'),
        });
        return;
      }
      if (!hasFieldErrors(err)) void message.error(errorText(err, t));
      throw err;
    }
  }

  function confirmApprove() {
    modal.confirm({
      title: t('bmod.decision.approve.confirm', { number: r.certificateNumber }),
      content: t('bmod.decision.approve.note'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      icon: <SafetyCertificateOutlined style={{ color: '#1f5fae' }} />,
      onOk: () => run('approve').catch(() => undefined),
    });
  }

  const busy = decide.isPending;
  return (
    <div className="bureau-decision-bar" role="region" aria-label={t('bureau.decision.title')}>
      <Typography.Text type="secondary">{t('bmod.decision.hint')}</Typography.Text>
      <Space size="middle" wrap>
        {can('approve') && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined aria-hidden />}
            disabled={busy}
            onClick={confirmApprove}
          >
            {t('bmod.decision.approve')}
          </Button>
        )}
        {can('return') && (
          <Button icon={<RollbackOutlined aria-hidden />} disabled={busy} onClick={() => ask('return')}>
            {t('bmod.decision.return')}
          </Button>
        )}
        {can('refuse') && (
          <Button danger icon={<StopOutlined aria-hidden />} disabled={busy} onClick={() => ask('refuse')}>
            {t('bmod.decision.refuse')}
          </Button>
        )}
      </Space>
      <ReasonModal
        open={reasonOpen}
        title={t(`bmod.decision.${reasonKind}.title`, { number: r.certificateNumber })}
        label={t(`bmod.decision.${reasonKind}.reason`)}
        requiredMessage={t(`bmod.decision.${reasonKind}.required`)}
        notice={t(`bmod.decision.${reasonKind}.note`)}
        danger={reasonKind === 'refuse'}
        onSubmit={(reason) => run(reasonKind, reason)}
        onClose={() => setReasonOpen(false)}
      />
    </div>
  );
}
