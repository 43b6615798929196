import { ArrowLeftOutlined, FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Result,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { compareDecimals, type RecordKind, type RecordProduct } from '@ccc/domain';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useCertificateRecords } from '../api';
import { CertificateRecordsHeader } from './record-parts';
import '../../../components/decision-alert.css';

const fillKinds: RecordKind[] = ['usage', 'reexport', 'destruction', 'writeoff'];
const listKinds = ['usage', 'reexport', 'destruction'] as const;

/**
 * 产品使用记录 (SPEC §3.9, manual 2.6): the current version's products with 认证数量 / 已使用 / 已退运 / 已销毁 /
 * 剩余, a checkbox per product, 填写使用记录 / 填写退运记录 / 填写销毁记录 (and 填写核销记录 for clause 05), and
 * 使用记录 / 退运记录 / 销毁记录 for the selected products; the reporting deadline at the top.
 */
export function RecordsPage() {
  const t = useT();
  const { number = '' } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const records = useCertificateRecords(number);
  const [selected, setSelected] = useState<number[]>([]);
  const d = records.data;

  if (records.isError) {
    return (
      <Result
        status={records.error instanceof ApiError && records.error.status === 404 ? '404' : 'error'}
        title={errorText(records.error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const base = `/portal/certificates/${encodeURIComponent(d.certificate.number)}/records`;
  const kinds = fillKinds.filter((k) => k !== 'writeoff' || d.clauseCode === '05');
  const writeoffs = d.records.filter((r) => r.kind === 'writeoff').length;
  const returned = d.records.filter((r) => r.status === 'returned');

  function openList(kind: RecordKind) {
    if (kind !== 'writeoff' && selected.length === 0) {
      void message.warning(t('rec.selectFirst'));
      return;
    }
    const lines = kind === 'writeoff' ? '' : `?lines=${selected.join(',')}`;
    void navigate(`${base}/list/${kind}${lines}`);
  }

  const qty = (v: string, p: RecordProduct) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {v} <Typography.Text type="secondary">{p.unit}</Typography.Text>
    </span>
  );

  return (
    <>
      <PageHeader
        title={t('rec.title')}
        description={t('rec.description')}
        extra={
          <Button
            icon={<ArrowLeftOutlined aria-hidden />}
            onClick={() => void navigate('/portal/applications')}
          >
            {t('common.back')}
          </Button>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <CertificateRecordsHeader data={d} />
        {returned.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('rec.returnedList.title', { count: returned.length })}
            description={returned.map((r) => (
              <div key={r.id} style={{ marginTop: 4 }}>
                <Typography.Text strong>{t(`rec.kind.${r.kind}`)}</Typography.Text>
                <span className="reason-text" style={{ marginInline: 8 }}>
                  {r.returnReason ?? '—'}
                </span>
                <Link to={`${base}/${encodeURIComponent(r.id)}`}>{t('common.edit')}</Link>
              </div>
            ))}
          />
        )}
        <Card
          title={t('rec.products')}
          extra={
            <Space wrap>
              {kinds.map((k) => (
                <Button
                  key={k}
                  type={k === 'usage' ? 'primary' : 'default'}
                  icon={<FormOutlined aria-hidden />}
                  disabled={!d.allowedKinds.includes(k)}
                  onClick={() =>
                    void navigate(
                      `${base}/new/${k}${selected.length && k !== 'writeoff' ? `?lines=${selected.join(',')}` : ''}`,
                    )
                  }
                >
                  {t(`rec.fill.${k}`)}
                </Button>
              ))}
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            {listKinds.map((k) => (
              <Tooltip key={k} title={selected.length === 0 ? t('rec.selectFirst') : undefined}>
                <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => openList(k)}>
                  {t(`rec.kind.${k}`)}
                </Button>
              </Tooltip>
            ))}
            {d.clauseCode === '05' && (
              <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => openList('writeoff')}>
                {t('rec.kind.writeoff')}
                {writeoffs ? ` (${writeoffs})` : ''}
              </Button>
            )}
            <Typography.Text type="secondary">
              {selected.length ? t('rec.selected', { count: selected.length }) : t('rec.selectHint')}
            </Typography.Text>
          </Space>
          <Table<RecordProduct>
            rowKey="lineNo"
            dataSource={d.products}
            pagination={false}
            size="middle"
            scroll={{ x: 900 }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
              getCheckboxProps: (p) => ({ 'aria-label': t('rec.selectProduct', { name: p.productName }) }),
            }}
            columns={[
              { title: t('mod.product.lineNo'), dataIndex: 'lineNo', width: 56 },
              { title: t('apps.hs.code'), dataIndex: 'hsCode', width: 108 },
              { title: t('apps.product.name'), dataIndex: 'productName' },
              { title: t('apps.product.model'), dataIndex: 'model', width: 110 },
              {
                title: t('rec.col.certified'),
                dataIndex: 'certified',
                align: 'right',
                width: 88,
                render: qty,
              },
              { title: t('rec.col.used'), dataIndex: 'used', align: 'right', width: 88, render: qty },
              {
                title: t('rec.col.reexported'),
                dataIndex: 'reexported',
                align: 'right',
                width: 88,
                render: qty,
              },
              {
                title: t('rec.col.destroyed'),
                dataIndex: 'destroyed',
                align: 'right',
                width: 88,
                render: qty,
              },
              {
                title: t('rec.col.remaining'),
                dataIndex: 'remaining',
                align: 'right',
                width: 88,
                render: (v: string, p) => (
                  <Typography.Text strong type={compareDecimals(v, '0') === 0 ? 'secondary' : undefined}>
                    {qty(v, p)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
