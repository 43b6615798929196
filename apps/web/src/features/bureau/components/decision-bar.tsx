import {
  CheckCircleOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Space, Typography } from 'antd';
import type { ReviewDetail } from '@ccc/domain';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useDecide, useReloadBureau, type Decision } from '../api/review';
import { hasFieldErrors, isConflict } from './conflict';
import { ReasonModal } from './reason-modal';
import './bureau.css';

const decisions = ['accept', 'approve', 'return', 'refuse'] as const satisfies readonly Decision[];

/**
 * 审核操作: the decisions the workflow allows the officer in the case's state (受理 and 退回 while 待受理;
 * 批准发证, 退回 and 不予免办 while 审核中). 受理 and 批准发证 are confirmed; 退回 and 不予免办 need a reason. A
 * decision that meets a changed case (409) says so and shows the case as it now is.
 */
export function DecisionBar({ detail }: { detail: ReviewDetail }) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const a = detail.application;
  const decide = useDecide(a.id);
  const reload = useReloadBureau();
  // The dialog keeps its kind while it closes (no flicker of its title).
  const [reasonKind, setReasonKind] = useState<'return' | 'refuse'>('return');
  const [reasonOpen, setReasonOpen] = useState(false);
  const ask = (kind: 'return' | 'refuse') => {
    setReasonKind(kind);
    setReasonOpen(true);
  };
  const allowed = decisions.filter((d) => a.actions.includes(d));
  if (allowed.length === 0) return null;

  /** Resolves when the dialog may close; rejects to keep it open (the reason typed stays). */
  async function run(decision: Decision, reason?: string) {
    try {
      const next = await decide.mutateAsync({ decision, reason, expectedStatus: a.status });
      void message.success(
        t(`bureau.decision.${decision}.done`, {
          number: a.number,
          certificate: next.certificate?.number ?? next.application.certificateNumber ?? '',
        }),
      );
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

  function confirm(decision: 'accept' | 'approve') {
    modal.confirm({
      title: t(`bureau.decision.${decision}.confirm`, { number: a.number }),
      content: t(`bureau.decision.${decision}.note`),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      icon: decision === 'approve' ? <SafetyCertificateOutlined style={{ color: '#1f5fae' }} /> : undefined,
      // An error was already shown: the dialog closes either way.
      onOk: () => run(decision).catch(() => undefined),
    });
  }

  const busy = decide.isPending;
  const buttons: Record<(typeof decisions)[number], ReactNode> = {
    accept: (
      <Button
        key="accept"
        type="primary"
        icon={<CheckCircleOutlined aria-hidden />}
        disabled={busy}
        onClick={() => confirm('accept')}
      >
        {t('bureau.decision.accept')}
      </Button>
    ),
    approve: (
      <Button
        key="approve"
        type="primary"
        icon={<SafetyCertificateOutlined aria-hidden />}
        disabled={busy}
        onClick={() => confirm('approve')}
      >
        {t('bureau.decision.approve')}
      </Button>
    ),
    return: (
      <Button
        key="return"
        icon={<RollbackOutlined aria-hidden />}
        disabled={busy}
        onClick={() => ask('return')}
      >
        {t('bureau.decision.return')}
      </Button>
    ),
    refuse: (
      <Button
        key="refuse"
        danger
        icon={<StopOutlined aria-hidden />}
        disabled={busy}
        onClick={() => ask('refuse')}
      >
        {t('bureau.decision.refuse')}
      </Button>
    ),
  };

  return (
    <div className="bureau-decision-bar" role="region" aria-label={t('bureau.decision.title')}>
      <Typography.Text type="secondary">
        {t(a.status === 'submitted' ? 'bureau.decision.hintSubmitted' : 'bureau.decision.hintUnderReview')}
      </Typography.Text>
      <Space size="middle" wrap>
        {allowed.map((d) => buttons[d])}
      </Space>
      <ReasonModal
        open={reasonOpen}
        title={t(`bureau.decision.${reasonKind}.title`, { number: a.number })}
        label={t(`bureau.decision.${reasonKind}.reason`)}
        requiredMessage={t(`bureau.decision.${reasonKind}.required`)}
        notice={t(`bureau.decision.${reasonKind}.note`)}
        danger={reasonKind === 'refuse'}
        onSubmit={(reason) => run(reasonKind, reason)}
        onClose={() => setReasonOpen(false)}
      />
    </div>
  );
}
