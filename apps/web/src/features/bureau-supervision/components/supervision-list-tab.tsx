import { Card, Empty, Input, Space, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import '../../bureau/components/bureau.css';
import { ExportButton } from './export-button';

/** What both tabs' queries share: a keyword and the page. */
interface ListQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** What the tab reads of its list's query result. */
interface ListResult<Row> {
  data?: { items: Row[]; total: number };
  isFetching: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * The frame of a 后续监管 tab: a card with 导出Excel of the current filter, the filter bar ending in the keyword
 * search, and the paged table with the list's error or its empty text. Each tab brings its columns and filters.
 */
export function SupervisionListTab<Row extends object, Q extends ListQuery>({
  title,
  exportUrl,
  exportName,
  query,
  list,
  onQuery,
  filters,
  hint,
  emptyText,
  table,
}: {
  title: string;
  exportUrl: string;
  /** The exported file's name when the server names none. */
  exportName: string;
  query: Q;
  list: ListResult<Row>;
  onQuery: (q: Q) => void;
  /** Filters before the keyword search. */
  filters?: ReactNode;
  /** A note after the keyword search. */
  hint?: ReactNode;
  emptyText: string;
  table: Pick<TableProps<Row>, 'rowKey' | 'rowClassName' | 'onRow' | 'columns'>;
}) {
  const t = useT();
  const total = list.data?.total ?? 0;
  return (
    <Card
      title={title}
      extra={<ExportButton url={exportUrl} fileName={exportName} empty={list.isSuccess && total === 0} />}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {filters}
        <Input.Search
          key={query.q ?? ''}
          allowClear
          defaultValue={query.q}
          aria-label={t('sup.filter.keyword')}
          placeholder={t('sup.filter.keyword')}
          style={{ width: 300 }}
          maxLength={100}
          enterButton={t('common.search')}
          onSearch={(v) => onQuery({ ...query, q: v.trim() || undefined, page: 1 })}
        />
        {hint}
      </Space>
      <Table<Row>
        {...table}
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 960 }}
        locale={{
          emptyText: list.isError ? (
            <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (page, pageSize) =>
            onQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
        }}
      />
    </Card>
  );
}
