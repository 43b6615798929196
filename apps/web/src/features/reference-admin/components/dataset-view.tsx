import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import type { ReferenceDataset, ReferenceRow } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useReferenceRows, type EnabledFilter, type RowsQuery } from '../api/reference-admin';
import { EditionSelect } from './edition-select';
import { ExportButtons } from './export-buttons';
import { ImportModal } from './import-modal';
import { datasetLabel } from './labels';
import { RowFormModal } from './row-form-modal';
import { RowsFilter } from './rows-filter';
import { RowsTable } from './rows-table';
import { pageFromParams, useUrlQuery } from '../../../lib/url-query';

/** The list's query lives in the address, so a refresh or the back button keeps it. */
function useRowsQuery(): [RowsQuery, (next: Partial<RowsQuery>) => void] {
  return useUrlQuery(
    (params): RowsQuery => {
      const enabled = params.get('enabled');
      return {
        q: params.get('q') ?? undefined,
        enabled: enabled === 'enabled' || enabled === 'disabled' ? enabled : 'all',
        edition: params.get('edition') ?? undefined,
        ...pageFromParams(params),
      };
    },
    (key, value) => key === 'enabled' && value === 'all',
  );
}

/** One dataset: 查询, 版本, 新增 / 导入 / 导出, the paged table and the edit and import dialogs. */
export function DatasetView({ dataset }: { dataset: ReferenceDataset }) {
  const t = useT();
  const [query, setQuery] = useRowsQuery();
  const rows = useReferenceRows(dataset.key, query);
  const [editing, setEditing] = useState<ReferenceRow | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  // The edition shown: the one asked for, else the one the server listed (the current edition).
  const edition = dataset.hasEditions
    ? (query.edition ?? rows.data?.edition ?? dataset.currentEdition ?? undefined)
    : undefined;

  return (
    <Card
      title={datasetLabel(t, dataset)}
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('refadm.create')}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('refadm.import')}
          </Button>
          <ExportButtons dataset={dataset.key} edition={edition} />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <RowsFilter
            q={query.q}
            enabled={query.enabled}
            hasEnabled={dataset.hasEnabled}
            placeholder={t(
              dataset.key === 'calendar-days'
                ? 'refadm.filter.keywordPlaceholderDate'
                : 'refadm.filter.keywordPlaceholder',
            )}
            onSearch={(f: { q?: string; enabled: EnabledFilter }) => setQuery({ ...f, page: 1 })}
          />
          {dataset.hasEditions && dataset.editions.length > 0 && (
            <EditionSelect
              dataset={dataset}
              edition={edition}
              onChange={(e) => setQuery({ edition: e, page: 1 })}
            />
          )}
        </Flex>
        {rows.isError && <Typography.Text type="danger">{errorText(rows.error, t)}</Typography.Text>}
        <RowsTable
          dataset={dataset}
          rows={rows.data?.items ?? []}
          total={rows.data?.total ?? 0}
          loading={rows.isFetching}
          page={query.page}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => setQuery({ page, pageSize })}
          onEdit={setEditing}
        />
      </Flex>
      <RowFormModal dataset={dataset} edition={edition} row={editing} onClose={() => setEditing(undefined)} />
      {importing && (
        <ImportModal
          dataset={dataset}
          edition={edition}
          onClose={() => setImporting(false)}
          onApplied={(e) => {
            if (e && e !== edition) setQuery({ edition: e, page: 1 });
          }}
        />
      )}
    </Card>
  );
}
