import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import type { RecordKind, UsageRecord } from '@ccc/domain';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useCertificateRecords, useDeleteRecord, useSubmitRecord } from '../api';
import { CertificateRecordsHeader, RecordStatusTag, isRecordKind } from './record-parts';
import '../../../components/decision-alert.css';

/**
 * 使用记录 / 退运记录 / 销毁记录 of the selected products (manual 2.6.2), or the 核销记录 of a clause-05 certificate:
 * per record its state, the selected products' quantities and dates, and 修改 / 提交 / 删除 (unsent only); 返回.
 */
export function RecordListPage() {
  const t = useT();
  const { number = '', kind: kindParam } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const data = useCertificateRecords(number);
  const submit = useSubmitRecord(number);
  const del = useDeleteRecord(number);
  const lines = useMemo(
    () => new Set((params.get('lines') ?? '').split(',').filter(Boolean).map(Number)),
    [params],
  );
  const d = data.data;
  const back = `/portal/certificates/${encodeURIComponent(number)}/records`;

  if (data.isError) {
    return (
      <Result
        status={data.error instanceof ApiError && data.error.status === 404 ? '404' : 'error'}
        title={errorText(data.error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  if (!isRecordKind(kindParam)) return <Result status="404" title={t('app.notFound')} />;
  const kind: RecordKind = kindParam;
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const products = d.products.filter((p) => lines.has(p.lineNo));
  const records = d.records.filter(
    (r) => r.kind === kind && (kind === 'writeoff' || r.lines.some((l) => lines.has(l.lineNo))),
  );

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const details = (r: UsageRecord) => {
    if (r.kind === 'usage')
      return (
        <div>
          <div>{r.userName}</div>
          <Typography.Text type="secondary">
            {r.periodStart} ~ {r.periodEnd}
          </Typography.Text>
        </div>
      );
    if (r.kind === 'reexport') return t('rec.f.declarationNo.short', { value: r.declarationNo ?? '—' });
    if (r.kind === 'destruction')
      return (
        <div>
          <div>{r.method}</div>
          <Typography.Text type="secondary">
            {t('rec.f.witness.short', { value: r.witness ?? '—' })}
          </Typography.Text>
        </div>
      );
    return (
      <div>
        <div>{t('rec.f.declarationNo.short', { value: r.declarationNo ?? '—' })}</div>
        <Typography.Text type="secondary">
          {t('rec.f.exportDate.short', { value: r.exportDate ?? '—' })}
        </Typography.Text>
      </div>
    );
  };

  return (
    <>
      <PageHeader
        title={t(`rec.kind.${kind}`)}
        description={t('rec.list.description')}
        extra={
          <Space>
            {d.allowedKinds.includes(kind) && (
              <Button
                icon={<FormOutlined aria-hidden />}
                onClick={() =>
                  void navigate(`${back}/new/${kind}${lines.size ? `?lines=${[...lines].join(',')}` : ''}`)
                }
              >
                {t(`rec.fill.${kind}`)}
              </Button>
            )}
          </Space>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <CertificateRecordsHeader data={d} />
        {kind !== 'writeoff' && (
          <Card title={t('rec.selectedProducts')} size="small">
            {products.length === 0 ? (
              <Typography.Text type="secondary">{t('rec.selectFirst')}</Typography.Text>
            ) : (
              products.map((p) => (
                <Descriptions
                  key={p.lineNo}
                  size="small"
                  column={{ xs: 1, md: 4 }}
                  style={{ marginBottom: 8 }}
                  items={[
                    {
                      key: 'name',
                      label: `${p.lineNo}. ${t('apps.product.name')}`,
                      children: `${p.productName}（${p.model}）`,
                    },
                    { key: 'certified', label: t('rec.col.certified'), children: `${p.certified} ${p.unit}` },
                    { key: 'remaining', label: t('rec.col.remaining'), children: `${p.remaining} ${p.unit}` },
                    { key: 'hs', label: t('apps.hs.code'), children: p.hsCode },
                  ]}
                />
              ))
            )}
          </Card>
        )}
        <Card title={t('rec.list.title', { kind: t(`rec.kind.${kind}`) })}>
          <Table<UsageRecord>
            rowKey="id"
            dataSource={records}
            pagination={false}
            size="middle"
            scroll={{ x: 900 }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rec.list.empty')} />,
            }}
            columns={[
              {
                title: t('common.status'),
                dataIndex: 'status',
                width: 96,
                render: (s: UsageRecord['status']) => <RecordStatusTag status={s} />,
              },
              ...(kind === 'writeoff'
                ? []
                : [
                    {
                      title: t(`rec.col.qty.${kind}`),
                      key: 'lines',
                      render: (_: unknown, r: UsageRecord) =>
                        r.lines
                          .filter((l) => lines.has(l.lineNo))
                          .map((l) => (
                            <div key={l.lineNo}>
                              {products.length > 1 ? `${l.lineNo}. ` : ''}
                              <Typography.Text strong>{l.quantity}</Typography.Text> {l.unit}
                              {l.date ? (
                                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                                  {' '}
                                  · {l.date}
                                </Typography.Text>
                              ) : null}
                            </div>
                          )),
                    },
                  ]),
              { title: t('rec.col.details'), key: 'details', render: (_: unknown, r) => details(r) },
              {
                title: t('rec.col.time'),
                key: 'time',
                width: 170,
                render: (_: unknown, r) => (
                  <div>
                    <div>{t('rec.updatedAt', { time: formatTime(r.updatedAt) })}</div>
                    {r.submittedAt && (
                      <Typography.Text type="secondary">
                        {t('rec.submittedAt', { time: formatTime(r.submittedAt) })}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              {
                title: t('rec.col.returnReason'),
                dataIndex: 'returnReason',
                render: (v: string | null, r) =>
                  v && r.status !== 'verified' ? <span className="reason-text">{v}</span> : '—',
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    {r.actions.includes('edit') ? (
                      <Link to={`${back}/${encodeURIComponent(r.id)}`}>{t('common.edit')}</Link>
                    ) : (
                      <Link to={`${back}/${encodeURIComponent(r.id)}`}>{t('common.view')}</Link>
                    )}
                    {r.actions.includes('submit') && (
                      <Popconfirm
                        title={t('rec.submit.confirm')}
                        description={t('rec.submit.note')}
                        okText={t('common.submit')}
                        onConfirm={() => void run(() => submit.mutateAsync(r.id), t('rec.submitted'))}
                      >
                        <Typography.Link>{t('common.submit')}</Typography.Link>
                      </Popconfirm>
                    )}
                    {r.actions.includes('delete') && (
                      <Popconfirm
                        title={t('rec.delete.confirm')}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => void run(() => del.mutateAsync(r.id), t('rec.deleted'))}
                      >
                        <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </div>
      <div className="rec-actions">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(back)}>
          {t('common.back')}
        </Button>
      </div>
    </>
  );
}
