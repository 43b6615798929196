import { Tag } from 'antd';
import type { ApplicationStatus } from '@ccc/domain';
import { useT } from '../../../lib/i18n';

const colours: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  under_review: 'gold',
  returned: 'error',
  issued: 'success',
  refused: 'volcano',
};

/** 状态 as a coloured tag: 未提交, 待受理, 审核中, 已退回, 已发证, 不予免办. */
export function StatusTag({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Tag color={colours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`apps.status.${status}`)}
    </Tag>
  );
}
