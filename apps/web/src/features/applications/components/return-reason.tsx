import { Alert } from 'antd';
import { useT } from '../../../lib/i18n';
import './applications.css';

/** 已退回: the bureau's reason, in red at the top of the application (manual 2.2). */
export function ReturnReason({ reason }: { reason: string | null }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('apps.returned.title')}
      description={<div className="apps-return-reason">{reason ?? t('apps.returned.noReason')}</div>}
    />
  );
}
