import { Badge, Space, Tabs } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useT } from '../../../lib/i18n';
import { useOverdue, useSupervisionRecords } from '../api/supervision';
import { OverdueTab } from './overdue-tab';
import { RecordDrawer } from './record-drawer';
import { RecordsTab } from './records-tab';
import {
  overdueFromParams,
  paramsOf,
  recordsFromParams,
  tabFromParams,
  type SupervisionTab,
} from './supervision-params';

/**
 * 后续监管 (SPEC §4): 待核查记录 — the usage, re-export, destruction and write-off records the bureau's
 * enterprises submitted, oldest first, each verified (核查通过) or returned with a reason in a drawer — and
 * 逾期未报告, the certificates whose reports are overdue. Filters, paging and the open record live in the address.
 */
export function SupervisionPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = tabFromParams(params);
  const records = useMemo(() => recordsFromParams(params), [params]);
  const overdue = useMemo(() => overdueFromParams(params), [params]);
  // The records query also brings both tabs' counts: it runs on either tab (with the default filter there).
  const recordList = useSupervisionRecords(
    tab === 'records' ? records : { status: 'submitted', page: 1, pageSize: 1 },
  );
  const overdueList = useOverdue(overdue, tab === 'overdue');
  const counts = recordList.data?.counts;
  const openId = params.get('record');

  const setRecord = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('record', id);
        else next.delete('record');
        return next;
      },
      { replace: !id },
    );

  const tabLabel = (key: SupervisionTab, n: number | undefined, danger: boolean) => (
    <Space size={6}>
      {t(`sup.${key}.tab`)}
      <Badge
        count={n ?? 0}
        showZero
        overflowCount={9999}
        color={danger && (n ?? 0) > 0 ? '#cf1322' : key === tab ? '#1f5fae' : '#bfbfbf'}
        aria-label={t('sup.count', { count: n ?? 0 })}
      />
    </Space>
  );

  return (
    <>
      <PageHeader title={t('sup.title')} description={t('sup.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(paramsOf(key as SupervisionTab, { page: 1, pageSize: 20 }))}
        items={[
          { key: 'records', label: tabLabel('records', counts?.submitted, false) },
          { key: 'overdue', label: tabLabel('overdue', counts?.overdue, true) },
        ]}
      />
      {tab === 'records' ? (
        <RecordsTab
          query={records}
          list={recordList}
          onQuery={(q) => setParams(paramsOf('records', q))}
          onOpen={(id) => setRecord(id)}
        />
      ) : (
        <OverdueTab query={overdue} list={overdueList} onQuery={(q) => setParams(paramsOf('overdue', q))} />
      )}
      <RecordDrawer id={openId} onClose={() => setRecord(null)} />
    </>
  );
}
