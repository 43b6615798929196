import { App as AntApp, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type {
  ReferenceColumn,
  ReferenceDataset,
  ReferenceDatasetKey,
  ReferenceRow,
  ReferenceValue,
} from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useSetRowEnabled } from '../api/reference-admin';
import { columnLabel, enumLabel, formatValue, rowLabel } from './labels';

interface Props {
  dataset: ReferenceDataset;
  rows: ReferenceRow[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (row: ReferenceRow) => void;
}

/** How wide a column is, from its type and length. */
function columnWidth(col: ReferenceColumn): number {
  switch (col.type) {
    case 'boolean':
      return 90;
    case 'integer':
      return 100;
    case 'date':
      return 120;
    case 'enum':
      return 140;
    case 'list':
      return 200;
    case 'text':
      if (col.maxLength !== null && col.maxLength <= 12) return 120;
      if (col.isKey && col.maxLength !== null && col.maxLength <= 40) return 130;
      if (col.maxLength !== null && col.maxLength <= 40) return 170;
      return 260;
  }
}

function ValueCell({
  dataset,
  col,
  value,
  muted,
}: {
  dataset: ReferenceDatasetKey;
  col: ReferenceColumn;
  value: ReferenceValue | undefined;
  /** A disabled row: its text is grey. */
  muted: boolean;
}) {
  const t = useT();
  if (col.type === 'boolean' && typeof value === 'boolean') {
    return <Tag color={value ? 'blue' : 'default'}>{t(value ? 'common.yes' : 'common.no')}</Tag>;
  }
  const text =
    col.type === 'enum' && typeof value === 'string'
      ? enumLabel(t, dataset, col, value)
      : formatValue(t, value);
  const type = muted ? 'secondary' : undefined;
  if (col.isKey) {
    return (
      <Typography.Text strong={!muted} type={type}>
        {text}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={type} ellipsis={{ tooltip: text }} style={{ maxWidth: columnWidth(col) - 16 }}>
      {text}
    </Typography.Text>
  );
}

/** The dataset's rows, one column per described column, then 状态 and 操作. */
export function RowsTable({ dataset, rows, total, loading, page, pageSize, onPage, onEdit }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const setEnabled = useSetRowEnabled(dataset.key);

  async function toggle(row: ReferenceRow) {
    try {
      await setEnabled.mutateAsync({ key: row.key, enabled: !row.enabled });
      void message.success(
        t(row.enabled ? 'refadm.row.disabled' : 'refadm.row.enabled', { key: rowLabel(t, dataset, row) }),
      );
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const keyColumns = dataset.columns.filter((c) => c.isKey);
  const singleKey = keyColumns.length === 1;
  const toColumn = (col: ReferenceColumn): ColumnsType<ReferenceRow>[number] => ({
    key: col.key,
    title: columnLabel(t, dataset.key, col),
    width: columnWidth(col),
    fixed: col.isKey && singleKey ? 'start' : undefined,
    render: (_: unknown, row: ReferenceRow) => (
      <ValueCell dataset={dataset.key} col={col} value={row.values[col.key]} muted={!row.enabled} />
    ),
  });

  const statusColumn: ColumnsType<ReferenceRow>[number] = {
    key: 'status',
    title: t('common.status'),
    width: 120,
    render: (_, row) => (
      <Space size={4} wrap>
        {dataset.hasEnabled &&
          (row.enabled ? (
            <Tag color="success">{t('refadm.status.enabled')}</Tag>
          ) : (
            <Tag color="default">{t('refadm.status.disabled')}</Tag>
          ))}
        {row.modifiedByAdmin && (
          <Tooltip title={t('refadm.status.modifiedHint')}>
            <Tag color="orange">{t('refadm.status.modified')}</Tag>
          </Tooltip>
        )}
      </Space>
    ),
  };

  const actionsColumn: ColumnsType<ReferenceRow>[number] = {
    key: 'actions',
    title: t('common.actions'),
    width: dataset.hasEnabled ? 130 : 80,
    fixed: 'end',
    render: (_, row) => (
      <Space size={0} wrap={false}>
        <Button type="link" size="small" onClick={() => onEdit(row)}>
          {t('common.edit')}
        </Button>
        {dataset.hasEnabled && (
          <Popconfirm
            title={t(row.enabled ? 'refadm.row.confirmDisable' : 'refadm.row.confirmEnable', {
              key: rowLabel(t, dataset, row),
            })}
            description={row.enabled ? t('refadm.row.disableHint') : undefined}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: row.enabled }}
            onConfirm={() => void toggle(row)}
          >
            <Button type="link" size="small" danger={row.enabled}>
              {t(row.enabled ? 'refadm.row.disable' : 'refadm.row.enable')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    ),
  };

  // 状态 right after the key, so a disabled row shows without scrolling sideways.
  // A dataset without 启用/停用 (the calendar) shows 状态 only for the 已修改 mark.
  const showStatus = dataset.hasEnabled || rows.some((r) => r.modifiedByAdmin);
  const columns = [
    ...keyColumns.map(toColumn),
    ...(showStatus ? [statusColumn] : []),
    ...dataset.columns.filter((c) => !c.isKey).map(toColumn),
    actionsColumn,
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <Table<ReferenceRow>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: scrollX }}
      locale={{ emptyText: t('refadm.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { total: n }),
        onChange: (p, size) => onPage(size === pageSize ? p : 1, size),
      }}
    />
  );
}
