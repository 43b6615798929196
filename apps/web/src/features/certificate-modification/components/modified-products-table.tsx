import { Table, Typography } from 'antd';
import type { ModificationProduct } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import '../../../components/decision-alert.css';

const productFields = ['productName', 'model', 'brand', 'quantity', 'unit'] as const;

function productChanged(p: ModificationProduct, o: ModificationProduct | undefined): boolean {
  return !!o && productFields.some((f) => (p[f] ?? '') !== (o[f] ?? ''));
}

/**
 * The products of 申请修改证明: each line as requested, a changed value in bold with the certificate's value
 * under it; 修改 per line while editable, and the server's problems with a line beside it.
 */
export function ModifiedProductsTable({
  products,
  originals,
  editable,
  productErrors,
  onEdit,
}: {
  products: ModificationProduct[];
  /** The certificate's products by line number. */
  originals: Map<number, ModificationProduct>;
  editable: boolean;
  productErrors: Record<number, string[]>;
  onEdit: (p: ModificationProduct) => void;
}) {
  const t = useT();
  const cell = (p: ModificationProduct, field: (typeof productFields)[number]) => {
    const o = originals.get(p.lineNo);
    const now = p[field] ?? '';
    const before = o?.[field] ?? '';
    if (!o || now === before) return now || '—';
    return (
      <div>
        <Typography.Text strong>{now || '—'}</Typography.Text>
        <div className="mod-was">{t('mod.was', { value: before || '—' })}</div>
      </div>
    );
  };
  const cellClass = (field: (typeof productFields)[number]) => (p: ModificationProduct) => ({
    className:
      originals.get(p.lineNo) && (p[field] ?? '') !== (originals.get(p.lineNo)?.[field] ?? '')
        ? 'mod-changed-cell'
        : '',
  });

  return (
    <Table<ModificationProduct>
      rowKey="lineNo"
      dataSource={products}
      pagination={false}
      size="middle"
      scroll={{ x: 900 }}
      rowClassName={(p) => (productChanged(p, originals.get(p.lineNo)) ? 'mod-changed' : '')}
      columns={[
        { title: t('mod.product.lineNo'), dataIndex: 'lineNo', width: 64 },
        { title: t('apps.hs.code'), dataIndex: 'hsCode', width: 120 },
        {
          title: t('apps.product.name'),
          key: 'productName',
          render: (_: unknown, p) => cell(p, 'productName'),
          onCell: cellClass('productName'),
        },
        {
          title: t('apps.product.model'),
          key: 'model',
          render: (_: unknown, p) => cell(p, 'model'),
          onCell: cellClass('model'),
        },
        {
          title: t('apps.product.brand'),
          key: 'brand',
          render: (_: unknown, p) => cell(p, 'brand'),
          onCell: cellClass('brand'),
        },
        {
          title: t('apps.product.quantity'),
          key: 'quantity',
          align: 'right',
          width: 110,
          render: (_: unknown, p) => cell(p, 'quantity'),
          onCell: cellClass('quantity'),
        },
        {
          title: t('apps.product.unit'),
          key: 'unit',
          width: 80,
          render: (_: unknown, p) => cell(p, 'unit'),
          onCell: cellClass('unit'),
        },
        ...(editable || Object.keys(productErrors).length
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_: unknown, p: ModificationProduct) => (
                  <div>
                    {editable ? (
                      <Typography.Link
                        onClick={() => onEdit(p)}
                        aria-label={t('mod.product.editLabel', { lineNo: p.lineNo })}
                      >
                        {t('common.edit')}
                      </Typography.Link>
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    )}
                    {productErrors[p.lineNo]?.map((e) => (
                      <div key={e} role="alert" className="reason-text" style={{ fontSize: 12 }}>
                        {e}
                      </div>
                    ))}
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
