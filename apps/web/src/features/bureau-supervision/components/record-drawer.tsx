import { CheckCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  recordKindLabels,
  reportDeadlineBasisLabels,
  type RecordLine,
  type RecordProduct,
  type SupervisionRecordDetail,
  type UsageRecord,
} from '@ccc/domain';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { hasFieldErrors, isConflict } from '../../bureau/components/conflict';
import { ReasonModal } from '../../bureau/components/reason-modal';
import { useDecideRecord, useReloadSupervision, useSupervisionRecord } from '../api/supervision';
import { RecordKindTag, RecordStatusTag, useLabel } from './record-tags';

const pre = (v: string | null) =>
  v ? <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{v}</span> : '—';

/** The fields the record's kind has (使用单位 …, 报关单号, 销毁方式 …), as description items. */
function kindItems(r: UsageRecord, t: ReturnType<typeof useT>) {
  const item = (key: string, children: ReactNode, span?: 'filled') => ({
    key,
    label: t(`sup.field.${key}`),
    children,
    span,
  });
  switch (r.kind) {
    case 'usage':
      return [
        item('userName', pre(r.userName)),
        item('userContact', [r.userContact, r.userPhone].filter(Boolean).join(' · ') || '—'),
        item('userAddress', pre(r.userAddress), 'filled'),
        item('period', r.periodStart ? `${r.periodStart} ~ ${r.periodEnd ?? ''}` : '—'),
        item('usageDescription', pre(r.description), 'filled'),
      ];
    case 'reexport':
      return [item('declarationNo', pre(r.declarationNo)), item('description', pre(r.description), 'filled')];
    case 'destruction':
      return [
        item('method', pre(r.method)),
        item('witness', pre(r.witness)),
        item('description', pre(r.description), 'filled'),
      ];
    case 'writeoff':
      return [
        item('exportDeclarationNo', pre(r.declarationNo)),
        item('exportDate', r.exportDate ?? '—'),
        item('description', pre(r.description), 'filled'),
      ];
  }
}

/** The record's body: its state, fields, product lines, and the certificate's ledger and deadline. */
function RecordBody({ detail }: { detail: SupervisionRecordDetail }) {
  const t = useT();
  const label = useLabel();
  const r = detail.record;
  const d = detail.deadline;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {r.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={t('sup.notice.returned', { time: formatTime(r.returnedAt) })}
          description={r.returnReason && pre(t('sup.notice.returnReason', { reason: r.returnReason }))}
        />
      )}
      {r.status === 'verified' && (
        <Alert type="success" showIcon title={t('sup.notice.verified', { time: formatTime(r.verifiedAt) })} />
      )}
      {r.status === 'submitted' && r.returnReason && (
        <Alert
          type="info"
          showIcon
          title={t('sup.notice.resubmitted')}
          description={pre(t('sup.notice.lastReturnReason', { reason: r.returnReason }))}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'number', label: t('apps.col.certificateNo'), children: r.certificateNumber },
          { key: 'status', label: t('apps.col.status'), children: <RecordStatusTag status={r.status} /> },
          {
            key: 'organisation',
            label: t('apps.detail.organisation'),
            span: 'filled',
            children: `${r.organisationName}（${r.organisationCode}）`,
          },
          {
            key: 'application',
            label: t('bmod.col.application'),
            children: <Link to={`/bureau/applications/${r.applicationId}`}>{r.applicationNumber}</Link>,
          },
          { key: 'kind', label: t('sup.col.kind'), children: <RecordKindTag kind={r.kind} /> },
          { key: 'submittedAt', label: t('sup.col.time.submitted'), children: formatTime(r.submittedAt) },
          { key: 'createdAt', label: t('sup.field.createdAt'), children: formatTime(r.createdAt) },
          ...kindItems(r, t),
        ]}
      />
      {r.lines.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('sup.lines.title')}</Typography.Title>
          <Table<RecordLine>
            rowKey="lineNo"
            size="small"
            bordered
            pagination={false}
            dataSource={r.lines}
            scroll={{ x: 600 }}
            columns={[
              { title: t('sup.lines.lineNo'), dataIndex: 'lineNo', width: 56 },
              { title: t('sup.lines.hsCode'), dataIndex: 'hsCode', width: 110 },
              {
                title: t('sup.lines.product'),
                key: 'product',
                render: (_: unknown, l) => (
                  <div>
                    <div>{l.productName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.model}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t(`sup.lines.quantity.${r.kind}`),
                key: 'quantity',
                width: 120,
                align: 'right',
                render: (_: unknown, l) => `${l.quantity} ${l.unit}`,
              },
              {
                title: t(`sup.lines.date.${r.kind}`),
                dataIndex: 'date',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
          <Typography.Text type="secondary">
            {t('sup.lines.total', { total: r.totalQuantity })}
          </Typography.Text>
        </div>
      )}
      <div>
        <Typography.Title level={5}>{t('sup.ledger.title')}</Typography.Title>
        <Table<RecordProduct>
          rowKey="lineNo"
          size="small"
          bordered
          pagination={false}
          dataSource={detail.products}
          scroll={{ x: 640 }}
          columns={[
            { title: t('sup.lines.lineNo'), dataIndex: 'lineNo', width: 56 },
            {
              title: t('sup.lines.product'),
              key: 'product',
              render: (_: unknown, p: RecordProduct) => (
                <div>
                  <div>{p.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.model}
                  </Typography.Text>
                </div>
              ),
            },
            ...(['certified', 'used', 'reexported', 'destroyed', 'remaining'] as const).map((k) => ({
              title: t(`sup.ledger.${k}`),
              key: k,
              width: 90,
              align: 'right' as const,
              render: (_: unknown, p: RecordProduct) => (k === 'remaining' ? <strong>{p[k]}</strong> : p[k]),
            })),
            { title: t('sup.ledger.unit'), dataIndex: 'unit', width: 60 },
          ]}
        />
      </div>
      {d && (
        <Descriptions
          size="small"
          column={2}
          title={t('sup.deadline.title')}
          items={[
            {
              key: 'due',
              label: t('sup.col.dueOn'),
              children: (
                <Space size={6} wrap>
                  <span>{d.dueOn}</span>
                  {d.overdue && <Tag color="red">{t('sup.overdue.days', { days: d.daysOverdue })}</Tag>}
                  {d.fullyReported && <Tag color="green">{t('sup.deadline.fullyReported')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'rule',
              label: t('sup.deadline.rule'),
              children: t('sup.deadline.ruleText', {
                basis: label(reportDeadlineBasisLabels[d.basis]),
                from: d.fromDate,
                days: d.days,
              }),
            },
          ]}
        />
      )}
    </Space>
  );
}

/**
 * A record of 后续监管 in a drawer: what the enterprise reported and the certificate's ledger, with 核查通过
 * (confirmed) and 退回 (a reason is required) while 已提交. A decision on a record that moved on (409) says so.
 */
export function RecordDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message, modal } = AntApp.useApp();
  const query = useSupervisionRecord(id);
  const decide = useDecideRecord(id ?? '');
  const reload = useReloadSupervision();
  const [returning, setReturning] = useState(false);
  const detail = query.data;
  const r = detail?.record;

  async function run(decision: 'verify' | 'return', reason?: string) {
    try {
      await decide.mutateAsync({ decision, reason });
      void message.success(t(`sup.decision.${decision}.done`, { number: r?.certificateNumber ?? '' }));
    } catch (err) {
      if (isConflict(err)) {
        void reload();
        modal.warning({
          title: t('bureau.decision.conflictTitle'),
          content: err.message,
          okText: t('common.confirm'),
        });
        return;
      }
      if (!hasFieldErrors(err)) void message.error(errorText(err, t));
      throw err;
    }
  }

  function confirmVerify() {
    if (!r) return;
    modal.confirm({
      title: t('sup.decision.verify.confirm', {
        kind: label(recordKindLabels[r.kind]),
        number: r.certificateNumber,
      }),
      content: t('sup.decision.verify.note'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => run('verify').catch(() => undefined),
    });
  }

  const canVerify = !!r?.actions.includes('verify');
  const canReturn = !!r?.actions.includes('return');
  const busy = decide.isPending;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={r ? `${label(recordKindLabels[r.kind])} · ${r.certificateNumber}` : t('sup.drawer.title')}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }} wrap>
          {canVerify && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined aria-hidden />}
              disabled={busy}
              onClick={confirmVerify}
            >
              {t('sup.decision.verify')}
            </Button>
          )}
          {canReturn && (
            <Button
              icon={<RollbackOutlined aria-hidden />}
              disabled={busy}
              onClick={() => setReturning(true)}
            >
              {t('sup.decision.return')}
            </Button>
          )}
          <Button onClick={onClose}>{t('sup.drawer.close')}</Button>
        </Space>
      }
    >
      {query.isError && !detail ? (
        <Result status="warning" title={errorText(query.error, t)} />
      ) : !detail ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <RecordBody detail={detail} />
      )}
      {r && (
        <ReasonModal
          open={returning}
          title={t('sup.decision.return.title', {
            kind: label(recordKindLabels[r.kind]),
            number: r.certificateNumber,
          })}
          label={t('sup.decision.return.reason')}
          requiredMessage={t('sup.decision.return.required')}
          notice={t('sup.decision.return.note')}
          onSubmit={(reason) => run('return', reason)}
          onClose={() => setReturning(false)}
        />
      )}
    </Drawer>
  );
}
