import { ArrowRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ChangeSinceReturn, ReviewDetail } from '@ccc/domain';
import { useI18n, useT, type TFunction } from '../../../lib/i18n';
import { historyActionText } from '../../applications/components/history-action';
import { formatTime } from '../../admin/components/format';
import { fieldLabelKey } from '../../applications/components/field-labels';
import '../../applications/components/applications.css';
import './bureau.css';
import '../../../components/decision-alert.css';

/** Labels of the product and attachment fields a change may name (the application's: its form's labels). */
const productFieldLabels: Record<string, string> = {
  hsCode: 'apps.hs.code',
  hsName: 'apps.hs.name',
  productName: 'apps.product.name',
  model: 'apps.product.model',
  brand: 'apps.product.brand',
  quantity: 'apps.product.quantity',
  unit: 'apps.product.unit',
  manufacturer: 'apps.product.manufacturer',
  originCountry: 'apps.product.originCountry',
  purpose: 'apps.product.purpose',
  typeCode: 'apps.attachments.type',
  filename: 'apps.attachments.file',
};

function fieldLabel(field: string, t: TFunction): string {
  const key = fieldLabelKey(field) ?? productFieldLabels[field];
  return key ? t(key) : field;
}

function Value({ v, className }: { v: string | null; className: string }) {
  const t = useT();
  return v === null || v === '' ? (
    <Typography.Text type="secondary" italic>
      {t('bureau.lastReturn.emptyValue')}
    </Typography.Text>
  ) : (
    <span className={className}>{v}</span>
  );
}

/** One change: each field as before → after. */
function ChangeFields({ change }: { change: ChangeSinceReturn }) {
  const t = useT();
  if (change.fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      {change.fields.map((f, i) => (
        <div key={`${f.field}-${i}`}>
          <Typography.Text strong>{fieldLabel(f.field, t)}：</Typography.Text>
          <Value v={f.before} className="bureau-change-before" />
          <ArrowRightOutlined
            aria-label={t('bureau.lastReturn.to')}
            style={{ margin: '0 8px', color: '#8c8c8c' }}
          />
          <Value v={f.after} className="bureau-change-after" />
        </div>
      ))}
    </Space>
  );
}

/**
 * A resubmitted case: the reason of the last 退回 (in red, as the enterprise saw it) and 退回后修改内容, what the
 * enterprise changed before it submitted again, field by field.
 */
export function LastReturnPanel({ lastReturn }: { lastReturn: NonNullable<ReviewDetail['lastReturn']> }) {
  const { t, locale } = useI18n();
  return (
    <Card
      title={
        <Space>
          <HistoryOutlined aria-hidden />
          {t('bureau.lastReturn.title')}
          <Tag color="orange">{t('bureau.inbox.resubmitted')}</Tag>
        </Space>
      }
      style={{ borderColor: '#ffd591' }}
    >
      <Alert
        type="error"
        showIcon
        title={t('bureau.lastReturn.reasonTitle', { time: formatTime(lastReturn.at) })}
        description={<div className="reason-text">{lastReturn.reason}</div>}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('bureau.lastReturn.changes', { count: lastReturn.changes.length })}
      </Typography.Title>
      <Table<ChangeSinceReturn>
        rowKey={(r) => `${r.at}-${r.action}-${r.subject ?? ''}`}
        size="small"
        pagination={false}
        dataSource={lastReturn.changes}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bureau.lastReturn.noChanges')} />
          ),
        }}
        columns={[
          {
            title: t('bureau.lastReturn.at'),
            dataIndex: 'at',
            width: 150,
            render: (v: string) => formatTime(v),
          },
          {
            title: t('bureau.lastReturn.action'),
            key: 'action',
            width: 220,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text>{historyActionText(r.action, t, locale)}</Typography.Text>
                {r.subject && <Tag style={{ marginInlineEnd: 0 }}>{r.subject}</Tag>}
                {r.actorUsername && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.actorUsername}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('bureau.lastReturn.fields'),
            key: 'fields',
            render: (_: unknown, r) => <ChangeFields change={r} />,
          },
        ]}
      />
    </Card>
  );
}
