import { DatePicker, InputNumber, Table } from 'antd';
import type { RecordKind, RecordProduct } from '@ccc/domain';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../lib/i18n';
import { day, iso, type CellErrors, type LineInput } from './record-fields';

/**
 * The products grid of a record: 使用数量 (or 退运数量 + 退运时间, 销毁数量 + 销毁时间) typed straight into the
 * cells (InputNumber / DatePicker), each cell's error under it (e.g. the ledger refusal with its numbers).
 */
export function RecordLinesGrid({
  kind,
  products,
  lines,
  cellErrors,
  editable,
  disabledDate,
  setLine,
}: {
  kind: RecordKind;
  products: RecordProduct[];
  lines: Record<number, LineInput>;
  cellErrors: CellErrors;
  editable: boolean;
  disabledDate: (v: Dayjs) => boolean;
  setLine: (lineNo: number, patch: Partial<LineInput>) => void;
}) {
  const t = useT();
  const dated = kind === 'reexport' || kind === 'destruction';
  const qtyTitle = t(`rec.col.qty.${kind === 'writeoff' ? 'usage' : kind}`);
  const dateTitle = t(`rec.col.date.${kind === 'destruction' ? 'destruction' : 'reexport'}`);
  return (
    <Table<RecordProduct>
      rowKey="lineNo"
      dataSource={products}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      rowClassName={(p) =>
        cellErrors[p.lineNo] && Object.values(cellErrors[p.lineNo]!).some(Boolean) ? 'rec-row-error' : ''
      }
      columns={[
        { title: t('mod.product.lineNo'), dataIndex: 'lineNo', width: 56 },
        { title: t('apps.hs.code'), dataIndex: 'hsCode', width: 110 },
        { title: t('apps.product.name'), dataIndex: 'productName', width: 150 },
        { title: t('apps.product.model'), dataIndex: 'model', width: 110 },
        { title: t('rec.col.certified'), dataIndex: 'certified', align: 'right', width: 88 },
        { title: t('rec.col.remaining'), dataIndex: 'remaining', align: 'right', width: 80 },
        { title: t('apps.product.unit'), dataIndex: 'unit', width: 56 },
        {
          title: qtyTitle,
          key: 'quantity',
          width: 150,
          render: (_: unknown, p) => {
            const e = cellErrors[p.lineNo];
            return (
              <div>
                {editable ? (
                  <InputNumber<string>
                    stringMode
                    min="0"
                    step="1"
                    style={{ width: '100%' }}
                    status={e?.quantity || e?.line ? 'error' : undefined}
                    value={lines[p.lineNo]?.quantity ?? null}
                    onChange={(v) => setLine(p.lineNo, { quantity: v === null ? null : String(v) })}
                    aria-label={t('rec.cell.quantity', { label: qtyTitle, name: p.productName })}
                  />
                ) : (
                  (lines[p.lineNo]?.quantity ?? '—')
                )}
                {(e?.quantity || e?.line) && (
                  <div className="rec-cell-error" role="alert">
                    {e.quantity ?? e.line}
                  </div>
                )}
              </div>
            );
          },
        },
        ...(dated
          ? [
              {
                title: dateTitle,
                key: 'date',
                width: 170,
                render: (_: unknown, p: RecordProduct) => {
                  const e = cellErrors[p.lineNo];
                  return (
                    <div>
                      {editable ? (
                        <DatePicker
                          style={{ width: '100%' }}
                          status={e?.date ? 'error' : undefined}
                          value={day(lines[p.lineNo]?.date)}
                          disabledDate={disabledDate}
                          onChange={(v: Dayjs | null) => setLine(p.lineNo, { date: v ? iso(v) : null })}
                          aria-label={t('rec.cell.date', { label: dateTitle, name: p.productName })}
                        />
                      ) : (
                        (lines[p.lineNo]?.date ?? '—')
                      )}
                      {e?.date && (
                        <div className="rec-cell-error" role="alert">
                          {e.date}
                        </div>
                      )}
                    </div>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
