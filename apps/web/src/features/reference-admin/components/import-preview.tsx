import { Alert, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type {
  ReferenceDataset,
  ReferenceImportAction,
  ReferenceImportPreview as Preview,
  ReferenceImportRow,
} from '@ccc/domain';
import type { TFunction } from '../../../lib/i18n';
import { useT } from '../../../lib/i18n';
import { columnLabel, formatValue, importKeyLabel } from './labels';

const actionColor: Record<ReferenceImportAction, string> = {
  add: 'green',
  change: 'blue',
  unchanged: 'default',
  error: 'red',
};

function columnName(t: TFunction, dataset: ReferenceDataset, column: string): string {
  const col = dataset.columns.find((c) => c.key === column || c.header === column);
  return col ? columnLabel(t, dataset.key, col) : column;
}

/** What one line of the file does: its changes (列: 原值 → 新值) or, in red, what is wrong with it. */
function LineDetail({ dataset, row }: { dataset: ReferenceDataset; row: ReferenceImportRow }) {
  const t = useT();
  if (row.errors.length > 0) {
    return (
      <Space orientation="vertical" size={0}>
        {row.errors.map((e, i) => (
          <Typography.Text key={i} type="danger">
            {e.column ? `${columnName(t, dataset, e.column)}: ` : ''}
            {e.message}
          </Typography.Text>
        ))}
      </Space>
    );
  }
  if (row.action === 'add')
    return <Typography.Text type="secondary">{t('refadm.import.newRow')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {row.changes.map((c) => (
        <span key={c.column}>
          <Typography.Text strong>{columnName(t, dataset, c.column)}</Typography.Text>
          {': '}
          <Typography.Text delete type="secondary">
            {formatValue(t, c.before)}
          </Typography.Text>
          {' → '}
          <Typography.Text>{formatValue(t, c.after)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

/** 导入预览: the counts, then each line that adds, changes or fails. */
export function ImportPreview({ dataset, preview }: { dataset: ReferenceDataset; preview: Preview }) {
  const t = useT();
  const s = preview.summary;
  const listed = s.added + s.changed + s.errors;

  const columns: ColumnsType<ReferenceImportRow> = [
    { key: 'line', title: t('refadm.import.line'), dataIndex: 'line', width: 80 },
    {
      key: 'action',
      title: t('refadm.import.action'),
      dataIndex: 'action',
      width: 90,
      render: (a: ReferenceImportAction) => (
        <Tag color={actionColor[a]}>{t(`refadm.import.action.${a}`)}</Tag>
      ),
    },
    {
      key: 'key',
      title: t('refadm.import.key'),
      dataIndex: 'key',
      width: 160,
      render: (k: string) => importKeyLabel(k, preview.edition) || '—',
    },
    {
      key: 'detail',
      title: t('refadm.import.detail'),
      render: (_, row) => <LineDetail dataset={dataset} row={row} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic
            title={t('refadm.import.added')}
            value={s.added}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('refadm.import.changed')}
            value={s.changed}
            styles={{ content: { color: '#1677ff' } }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('refadm.import.unchanged')} value={s.unchanged} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('refadm.import.errors')}
            value={s.errors}
            styles={{ content: { color: s.errors ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      {s.errors > 0 ? (
        <Alert type="error" showIcon title={t('refadm.import.hasErrors', { n: s.errors })} />
      ) : listed === 0 ? (
        <Alert type="info" showIcon title={t('refadm.import.nothing')} />
      ) : (
        <Alert type="success" showIcon title={t('refadm.import.ready', { n: s.added + s.changed })} />
      )}
      {listed > preview.rows.length && (
        <Typography.Text type="secondary">
          {t('refadm.import.truncated', { shown: preview.rows.length, total: listed })}
        </Typography.Text>
      )}
      {preview.rows.length > 0 && (
        <Table<ReferenceImportRow>
          rowKey="line"
          size="small"
          columns={columns}
          dataSource={preview.rows}
          scroll={{ y: 360 }}
          pagination={preview.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
    </Space>
  );
}
