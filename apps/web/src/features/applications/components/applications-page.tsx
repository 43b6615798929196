import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Empty,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ApplicationListItem } from '@ccc/domain';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import {
  exportUrl,
  useApplications,
  useDeleteApplication,
  useSubmitApplication,
  useWithdrawApplication,
} from '../api/applications';
import { download } from '../api/download';
import { ApplicationsQuery, paramsFromQuery, queryFromParams } from './applications-query';
import { CertificateNumberLink } from './certificate-links';
import { StatusTag } from './status-tag';
import { SubmitProblems, type Problem } from './submit-problems';
import './applications.css';

/**
 * 「CCC免办申请」 (SPEC §3.1): the organisation's applications, newest first, queried and paged on the
 * server; per row only the actions the workflow allows in its state; 新增申请 above the list; 导出Excel.
 */
export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const list = useApplications(query);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const del = useDeleteApplication();
  const submit = useSubmitApplication();
  const withdraw = useWithdrawApplication();
  const [exporting, setExporting] = useState(false);
  const [problems, setProblems] = useState<{ id: string; number: string; items: Problem[] } | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  async function submitRow(row: ApplicationListItem) {
    try {
      await submit.mutateAsync(row.id);
      void message.success(t('apps.submit.done', { number: row.number }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'APPLICATION_INCOMPLETE') {
        setProblems({ id: row.id, number: row.number, items: err.fields });
      } else void message.error(errorText(err, t));
    }
  }

  async function exportExcel() {
    setExporting(true);
    try {
      await download(exportUrl(query), locale, `${t('apps.title')}.xlsx`);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setExporting(false);
    }
  }

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('apps.title')} description={t('apps.description')} />
      <ApplicationsQuery query={query} setParams={setParams} />
      <Card
        title={t('apps.list')}
        extra={
          <Space>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => void navigate('/portal/applications/new')}
            >
              {t('apps.new')}
            </Button>
            <Tooltip title={t('apps.export.hint')}>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                loading={exporting}
                onClick={() => void exportExcel()}
              >
                {t('apps.export')}
              </Button>
            </Tooltip>
          </Space>
        }
      >
        <Table<ApplicationListItem>
          rowKey="id"
          dataSource={rows}
          loading={list.isFetching}
          size="middle"
          locale={{
            emptyText: list.isError ? (
              <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.empty')} />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total,
            showSizeChanger: true,
            showTotal: (n) => {
              const total = n.toLocaleString();
              if (!list.data?.totalCapped) return t('common.total', { total });
              const matches = list.data.matches;
              return matches === null
                ? t('apps.totalCapped', { total })
                : t('apps.totalCappedExact', { matches: matches.toLocaleString(), total });
            },
            onChange: (page, pageSize) =>
              setParams(
                paramsFromQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
              ),
          }}
          columns={[
            {
              title: t('apps.col.number'),
              dataIndex: 'number',
              width: 172,
              render: (n: string, r) => (
                <Link to={`/portal/applications/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {n}
                </Link>
              ),
            },
            {
              title: t('apps.col.certificateNo'),
              dataIndex: 'certificateNumber',
              width: 150,
              render: (v: string | null) => (v ? <CertificateNumberLink number={v} /> : '—'),
            },
            {
              title: t('apps.col.clause'),
              key: 'clause',
              render: (_: unknown, r) => (
                <Tooltip title={`${r.clauseCode} ${r.clauseName}`}>
                  <span className="apps-clamp">
                    {r.clauseCode} {r.clauseName}
                  </span>
                </Tooltip>
              ),
            },
            {
              title: t('apps.col.product'),
              key: 'product',
              render: (_: unknown, r) =>
                r.productCount === 0 ? (
                  <Typography.Text type="secondary">{t('apps.noProducts')}</Typography.Text>
                ) : (
                  <Tooltip title={r.firstProductName}>
                    <span className="apps-clamp">
                      {r.productCount > 1
                        ? t('apps.productSummary', { name: r.firstProductName ?? '', count: r.productCount })
                        : r.firstProductName}
                    </span>
                  </Tooltip>
                ),
            },
            {
              title: t('apps.col.bureau'),
              dataIndex: 'bureauName',
              render: (v: string) => <span className="apps-clamp">{v}</span>,
            },
            {
              title: t('apps.col.submittedAt'),
              dataIndex: 'submittedAt',
              width: 104,
              render: (v: string | null) =>
                v ? <Tooltip title={formatTime(v)}>{dayjs(v).format('YYYY-MM-DD')}</Tooltip> : '—',
            },
            {
              title: t('apps.col.status'),
              dataIndex: 'status',
              width: 96,
              render: (s: ApplicationListItem['status']) => <StatusTag status={s} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: locale === 'zh-CN' ? 150 : 200,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.actions.includes('view') && (
                    <Link to={`/portal/applications/${r.id}`}>{t('common.view')}</Link>
                  )}
                  {r.actions.includes('edit') && (
                    <Link to={`/portal/applications/${r.id}/edit`}>{t('common.edit')}</Link>
                  )}
                  {r.actions.includes('delete') && (
                    <Popconfirm
                      title={t('apps.delete.confirm', { number: r.number })}
                      description={t('apps.delete.note')}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        void run(() => del.mutateAsync(r.id), t('apps.delete.done', { number: r.number }))
                      }
                    >
                      <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
                    </Popconfirm>
                  )}
                  {r.actions.includes('submit') && (
                    <Popconfirm
                      title={t('apps.submit.confirm', { number: r.number })}
                      description={t('apps.submit.note')}
                      okText={t('common.submit')}
                      onConfirm={() => void submitRow(r)}
                    >
                      <Typography.Link>{t('common.submit')}</Typography.Link>
                    </Popconfirm>
                  )}
                  {r.actions.includes('withdraw') && (
                    <Popconfirm
                      title={t('apps.withdraw.confirm', { number: r.number })}
                      description={t('apps.withdraw.note')}
                      okText={t('apps.withdraw')}
                      onConfirm={() =>
                        void run(
                          () => withdraw.mutateAsync(r.id),
                          t('apps.withdraw.done', { number: r.number }),
                        )
                      }
                    >
                      <Typography.Link>{t('apps.withdraw')}</Typography.Link>
                    </Popconfirm>
                  )}
                  {r.status === 'issued' && r.certificateNumber && (
                    <Link to={`/portal/certificates/${encodeURIComponent(r.certificateNumber)}/modification`}>
                      {t('mod.action')}
                    </Link>
                  )}
                  {r.status === 'issued' && r.certificateNumber && (
                    <Link to={`/portal/certificates/${encodeURIComponent(r.certificateNumber)}/records`}>
                      {t('rec.action')}
                    </Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!problems}
        title={t('apps.submit.failedTitle', { number: problems?.number ?? '' })}
        onCancel={() => setProblems(null)}
        okText={t('apps.submit.goEdit')}
        cancelText={t('common.back')}
        onOk={() => {
          if (problems) void navigate(`/portal/applications/${problems.id}/edit`);
        }}
        width={640}
      >
        {problems && <SubmitProblems problems={problems.items} />}
      </Modal>
    </>
  );
}
