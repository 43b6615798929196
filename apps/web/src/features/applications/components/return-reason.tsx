import { DecisionAlert } from '../../../components/decision-alert';
import { useT } from '../../../lib/i18n';
import { formatTime } from '../../admin/components/format';

/**
 * 已退回: the bureau's reason, in red at the top of the application (manual 2.2, SPEC §3.6), with when it was
 * returned and what to do next.
 */
export function ReturnReason({ reason, at }: { reason: string | null; at?: string | null }) {
  const t = useT();
  return (
    <DecisionAlert
      title={t('apps.returned.title')}
      reason={reason ?? t('apps.returned.noReason')}
      meta={
        <>
          {at ? `${t('apps.returned.at', { time: formatTime(at) })} · ` : ''}
          {t('apps.returned.next')}
        </>
      }
    />
  );
}

/** 不予免办: the refusal is final; its reason in red at the top, like a return's. */
export function RefuseReason({ reason, at }: { reason: string | null; at?: string | null }) {
  const t = useT();
  return (
    <DecisionAlert
      title={t('apps.refused.title')}
      reason={reason ?? t('apps.returned.noReason')}
      meta={
        <>
          {at ? `${t('apps.refused.at', { time: formatTime(at) })} · ` : ''}
          {t('apps.refused.final')}
        </>
      }
    />
  );
}
