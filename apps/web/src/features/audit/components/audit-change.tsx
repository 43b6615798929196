import { Table, Typography } from 'antd';
import type { AuditEntry } from '@ccc/domain';
import { useT } from '../../../lib/i18n';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const show = (v: unknown) =>
  v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v);

/** 变更前 → 变更后, field by field; the fields that changed are marked. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) {
    return <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>;
  }
  const rows: ChangeRow[] = fields.map((field) => ({
    field,
    before: before[field],
    after: after[field],
    changed: show(before[field]) !== show(after[field]),
  }));
  const cell = (v: unknown, r: ChangeRow, side: 'before' | 'after') =>
    v === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Text
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        type={r.changed && side === 'before' ? 'secondary' : undefined}
        delete={r.changed && side === 'before' && entry.after !== null}
        strong={r.changed && side === 'after'}
      >
        {show(v)}
      </Typography.Text>
    );
  return (
    <Table<ChangeRow>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      aria-label={t('audit.change')}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200 },
        { title: t('audit.before'), dataIndex: 'before', render: (v, r) => cell(v, r, 'before') },
        { title: t('audit.after'), dataIndex: 'after', render: (v, r) => cell(v, r, 'after') },
      ]}
    />
  );
}
