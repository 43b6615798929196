import { Space, Switch, Table, Tag, Typography } from 'antd';
import { modificationFieldLabels, type ModificationReview } from '@ccc/domain';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import './modifications.css';

const holderFields = ['nameZh', 'nameEn', 'address'] as const;
const productFields = ['productName', 'model', 'brand', 'quantity', 'unit'] as const;

type Row =
  | { key: string; kind: 'group'; title: string }
  | {
      key: string;
      kind: 'field';
      label: string;
      before: string | null;
      after: string | null;
      changed: boolean;
    };

/** The changed rows, each group's header kept when one of its rows stays. */
function onlyChangedRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  let header: Row | null = null;
  for (const r of rows) {
    if (r.kind === 'group') header = r;
    else if (r.changed) {
      if (header) out.push(header);
      header = null;
      out.push(r);
    }
  }
  return out;
}

function Value({ v }: { v: string | null }) {
  return v === null || v === '' ? <Typography.Text type="secondary">—</Typography.Text> : <>{v}</>;
}

/**
 * 修改对比: every modifiable field of the certificate (主体信息, then each product line) with 修改前 and 修改后;
 * the changed rows are tinted and tagged 已修改. "只看修改项" hides the rest.
 */
export function ComparisonTable({ review }: { review: ModificationReview }) {
  const { t, locale } = useI18n();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const pick = (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);

  const rows = ((): Row[] => {
    const changed = new Set(review.comparison.map((c) => c.field));
    const { before, after } = review;
    const out: Row[] = [{ key: 'holder', kind: 'group', title: t('bmod.compare.holder') }];
    for (const f of holderFields) {
      const field = `holder.${f}` as const;
      out.push({
        key: field,
        kind: 'field',
        label: pick(modificationFieldLabels[field]),
        before: before.holder[f],
        after: after.holder[f],
        changed: changed.has(field) || before.holder[f] !== after.holder[f],
      });
    }
    const afterByLine = new Map(after.products.map((p) => [p.lineNo, p]));
    for (const b of before.products) {
      const a = afterByLine.get(b.lineNo);
      out.push({
        key: `products.${b.lineNo}`,
        kind: 'group',
        title: t('bmod.compare.product', { lineNo: b.lineNo, hsCode: b.hsCode, hsName: b.hsName }),
      });
      for (const f of productFields) {
        const field = `products.${b.lineNo}.${f}`;
        const av = a ? a[f] : null;
        out.push({
          key: field,
          kind: 'field',
          label: pick(modificationFieldLabels[f]),
          before: b[f],
          after: av,
          changed: changed.has(field) || (a !== undefined && b[f] !== av),
        });
      }
    }
    return out;
  })();

  const changedCount = rows.filter((r) => r.kind === 'field' && r.changed).length;
  const shown = onlyChanged ? onlyChangedRows(rows) : rows;

  const groupSpan = (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {});

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text>
          {changedCount === 0 ? t('bmod.compare.none') : t('bmod.compare.count', { count: changedCount })}
        </Typography.Text>
        <Space size={8}>
          <Switch
            size="small"
            checked={onlyChanged}
            onChange={setOnlyChanged}
            aria-label={t('bmod.compare.onlyChanged')}
          />
          <span aria-hidden>{t('bmod.compare.onlyChanged')}</span>
        </Space>
      </Space>
      <Table<Row>
        rowKey="key"
        size="middle"
        bordered
        pagination={false}
        dataSource={shown}
        aria-label={t('bmod.compare.title')}
        rowClassName={(r) => (r.kind === 'group' ? 'bmod-row-group' : r.changed ? 'bmod-row-changed' : '')}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('bmod.compare.field'),
            key: 'field',
            width: 220,
            onCell: (r) => (r.kind === 'group' ? { colSpan: 3 } : {}),
            render: (_: unknown, r) =>
              r.kind === 'group' ? (
                <Typography.Text strong>{r.title}</Typography.Text>
              ) : (
                <Space size={6} wrap>
                  <span>{r.label}</span>
                  {r.changed && (
                    <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                      {t('bmod.compare.changed')}
                    </Tag>
                  )}
                </Space>
              ),
          },
          {
            title: t('bmod.compare.before'),
            key: 'before',
            onCell: groupSpan,
            render: (_: unknown, r) =>
              r.kind === 'field' && (
                <span className={r.changed ? 'bmod-before' : 'bmod-value'}>
                  <Value v={r.before} />
                </span>
              ),
          },
          {
            title: t('bmod.compare.after'),
            key: 'after',
            onCell: groupSpan,
            render: (_: unknown, r) =>
              r.kind === 'field' && (
                <span className={r.changed ? 'bmod-after' : 'bmod-value'}>
                  <Value v={r.after} />
                </span>
              ),
          },
        ]}
      />
    </>
  );
}
