import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Table, Tooltip, Typography } from 'antd';
import type { BureauSearchItem } from '@ccc/domain';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { download } from '../../applications/api/download';
import { StatusTag } from '../../applications/components/status-tag';
import { searchExportUrl, useBureauSearch } from '../api/review';
import { CertificateStatusTag } from '../../applications/components/certificate-status-tag';
import { ClauseText, OrganisationCell } from './cells';
import { paramsFromSearch, SearchQueryForm, searchFromParams } from './search-query';

/**
 * 申请查询 (SPEC §4): the bureau's applications and certificates, newest first, queried and paged on the
 * server; 导出Excel with the same query.
 */
export function SearchPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => searchFromParams(params), [params]);
  const list = useBureauSearch(query);
  const { message } = AntApp.useApp();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const [exporting, setExporting] = useState(false);
  // The form shows the address's filter (a menu click or a link may change it under the page).
  const { page: _page, pageSize: _size, ...filter } = query;
  const filterKey = JSON.stringify(filter);

  async function exportExcel() {
    setExporting(true);
    const hide = message.loading(t('bureau.search.exporting'), 0);
    try {
      await download(searchExportUrl(query), locale, `${t('bureau.search.title')}.xlsx`);
      void message.success(t('bureau.search.exported'));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      hide();
      setExporting(false);
    }
  }

  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('bureau.search.title')} description={t('bureau.search.description')} />
      <SearchQueryForm key={filterKey} query={query} setParams={setParams} />
      <Card
        title={t('bureau.search.list')}
        extra={
          <Tooltip title={t('apps.export.hint')}>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporting}
              disabled={exporting || (list.isSuccess && total === 0)}
              onClick={() => void exportExcel()}
            >
              {t('apps.export')}
            </Button>
          </Tooltip>
        }
      >
        <Table<BureauSearchItem>
          rowKey="id"
          size="middle"
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 940 }}
          locale={{
            emptyText: list.isError ? (
              <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bureau.search.empty')} />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total,
            showSizeChanger: true,
            showTotal: (n) =>
              list.data?.totalCapped ? t('apps.totalCapped', { total: n }) : t('common.total', { total: n }),
            onChange: (page, pageSize) =>
              setParams(
                paramsFromSearch({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
              ),
          }}
          columns={[
            {
              title: t('apps.col.number'),
              dataIndex: 'number',
              width: 172,
              render: (n: string, r) => (
                <Link to={`/bureau/applications/${r.id}`} state={{ from }} style={{ whiteSpace: 'nowrap' }}>
                  {n}
                </Link>
              ),
            },
            {
              title: t('apps.detail.organisation'),
              key: 'organisation',
              render: (_: unknown, r) => (
                <OrganisationCell name={r.organisationName} code={r.organisationCode} />
              ),
            },
            {
              title: t('apps.col.clause'),
              key: 'clause',
              width: 150,
              render: (_: unknown, r) => <ClauseText code={r.clauseCode} name={r.clauseName} />,
            },
            {
              title: t('apps.col.submittedAt'),
              dataIndex: 'submittedAt',
              width: 100,
              render: (v: string | null) =>
                v ? <Tooltip title={formatTime(v)}>{dayjs(v).format('YYYY-MM-DD')}</Tooltip> : '—',
            },
            {
              title: t('apps.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: BureauSearchItem['status']) => <StatusTag status={s} />,
            },
            {
              title: t('apps.col.certificateNo'),
              dataIndex: 'certificateNumber',
              width: 132,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('bureau.cert.statusLabel'),
              dataIndex: 'certificateStatus',
              width: 100,
              render: (s: BureauSearchItem['certificateStatus']) =>
                s ? <CertificateStatusTag status={s} /> : '—',
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 56,
              render: (_: unknown, r) => (
                <Link to={`/bureau/applications/${r.id}`} state={{ from }}>
                  {r.status === 'submitted' || r.status === 'under_review'
                    ? t('bureau.review.open')
                    : t('common.view')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
