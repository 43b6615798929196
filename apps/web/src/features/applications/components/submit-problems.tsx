import { Alert, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { fieldLabelKey } from './field-labels';

export interface Problem {
  path: string;
  message: string;
}

/** One missing item in words: the field's label with the message, or the message that names it. */
export function problemText(p: Problem, t: ReturnType<typeof useT>): string {
  // A missing product or attachment is named by the message itself.
  if (p.path === 'products' || p.path.startsWith('attachments.')) return p.message;
  const key = fieldLabelKey(p.path);
  return key ? `${t(key)}：${p.message}` : p.message;
}

/**
 * 提交 found the application incomplete: every missing item (field, product, attachment) in one list, each a
 * link to where it is fixed.
 */
export function SubmitProblems({
  problems,
  onJump,
  onClose,
}: {
  problems: Problem[];
  onJump?: (path: string) => void;
  onClose?: () => void;
}) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      role="alert"
      title={t('apps.submit.incomplete', { count: problems.length })}
      description={
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }} aria-label={t('apps.submit.missingList')}>
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              {onJump ? (
                <Typography.Link onClick={() => onJump(p.path)}>{problemText(p, t)}</Typography.Link>
              ) : (
                <span>{problemText(p, t)}</span>
              )}
            </li>
          ))}
        </ol>
      }
    />
  );
}
