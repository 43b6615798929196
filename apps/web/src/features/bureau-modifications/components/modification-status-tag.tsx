import { Tag } from 'antd';
import { modificationStatusLabels, type ModificationStatus } from '@ccc/domain';
import { useI18n } from '../../../lib/i18n';

const colours: Record<ModificationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  refused: 'volcano',
};

/** 修改申请状态 (the workflow table's labels): 未提交, 待审核, 已退回, 已批准, 不予修改. */
export function ModificationStatusTag({ status }: { status: ModificationStatus }) {
  const { locale } = useI18n();
  const label = modificationStatusLabels[status];
  return (
    <Tag color={colours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {locale === 'zh-CN' ? label.zh : label.en}
    </Tag>
  );
}
