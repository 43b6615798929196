import { Tag } from 'antd';
import { recordKindLabels, recordStatusLabels, type RecordKind, type RecordStatus } from '@ccc/domain';
import { useI18n } from '../../../lib/i18n';

const kindColours: Record<RecordKind, string> = {
  usage: 'blue',
  reexport: 'purple',
  destruction: 'volcano',
  writeoff: 'cyan',
};

const statusColours: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  verified: 'success',
  returned: 'error',
};

/** The label of the workflow table in the user's language. */
export function useLabel() {
  const { locale } = useI18n();
  return (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);
}

/** 记录类型: 使用记录, 退运记录, 销毁记录, 核销记录. */
export function RecordKindTag({ kind }: { kind: RecordKind }) {
  const label = useLabel();
  return (
    <Tag color={kindColours[kind]} style={{ marginInlineEnd: 0 }}>
      {label(recordKindLabels[kind])}
    </Tag>
  );
}

/** 记录状态: 未提交, 已提交, 已核查, 已退回. */
export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const label = useLabel();
  return (
    <Tag color={statusColours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {label(recordStatusLabels[status])}
    </Tag>
  );
}
