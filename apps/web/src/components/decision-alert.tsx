import { Alert } from 'antd';
import type { ReactNode } from 'react';
import './decision-alert.css';

/**
 * A bureau's decision shown at the top of the enterprise's page (退回 or 不予 of an application, a modification
 * or a record): the title, the reason in red, then what the meta line says (when, what to do next).
 */
export function DecisionAlert({
  title,
  reason,
  meta,
}: {
  title: ReactNode;
  reason: string | null | undefined;
  meta?: ReactNode;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="decision-alert"
      title={title}
      description={
        <>
          <div className="reason-text decision-alert-reason">{reason ?? '—'}</div>
          {meta ? <div className="decision-alert-meta">{meta}</div> : null}
        </>
      }
    />
  );
}
