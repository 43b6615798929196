import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Table, type TableColumnType, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from './error-text';

/** A row's values as edited: a cleared number is null. */
export type RowValues<Row, F extends keyof Row> = { [K in F]: Row[K] | null };
/** Messages by field, and `row` for what belongs to no field (shown under the row's name). */
export type RowErrors<F extends PropertyKey> = Partial<Record<F | 'row', string>>;

/** What a field's cell needs: its value, its error and the row's save (Enter in a number saves the row). */
export interface EditableCell<V> {
  value: V | null;
  error: string | undefined;
  errorId: string;
  onChange: (v: V | null) => void;
  save: () => void;
}

/** One edited field's column; `render` draws the control, the table adds the error line under it. */
export interface FieldColumn<Row, K extends keyof Row> {
  field: K;
  title: ReactNode;
  width: number;
  render: (row: Row, cell: EditableCell<NonNullable<Row[K]>>) => ReactNode;
}

const errorStyle = { color: '#cf1322', fontSize: 13, marginTop: 4 } as const;

/**
 * A table whose rows are edited in place and saved one at a time (服务时限, 报告时限): each row keeps its own
 * changes until 保存 or 放弃; the checks' and the server's messages sit under the field they concern.
 */
export function RowEditableTable<Row extends object, F extends keyof Row & string, Body>({
  rowKey,
  idPrefix,
  rows,
  loading,
  emptyText,
  pagination,
  scroll,
  head,
  fields,
  trailing = [],
  actions,
  validate,
  onSave,
}: {
  rowKey: keyof Row & string;
  /** Starts the ids of the error lines the inputs are described by. */
  idPrefix: string;
  rows: readonly Row[];
  loading: boolean;
  emptyText: ReactNode;
  pagination: TableProps<Row>['pagination'];
  scroll?: TableProps<Row>['scroll'];
  /** The row's name; its row-wide error goes under it. */
  head: { title: ReactNode; key: string; render: (row: Row) => ReactNode };
  fields: { [K in F]: FieldColumn<Row, K> }[F][];
  /** Read-only columns between the fields and the actions. */
  trailing?: TableColumnType<Row>[];
  actions: {
    width: number;
    discardText: string;
    saveLabel: (row: Row) => string;
    discardLabel: (row: Row) => string;
  };
  /** The client's checks: the body to send, or the errors to show. */
  validate: (row: Row, values: RowValues<Row, F>) => { body: Body } | { errors: RowErrors<F> };
  /** Sends the row; resolves to the success message. */
  onSave: (row: Row, body: Body) => Promise<string>;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [edits, setEdits] = useState<Record<string, Partial<RowValues<Row, F>>>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors<F>>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const keyOf = (r: Row) => String(r[rowKey]);
  const isField = (f: string | undefined): f is F => fields.some((x) => x.field === f);

  const valueOf = <K extends F>(r: Row, f: K): Row[K] | null => {
    const e = edits[keyOf(r)];
    return e && f in e ? (e[f] ?? null) : r[f];
  };
  const valuesOf = (r: Row) =>
    Object.fromEntries(fields.map(({ field }) => [field, valueOf(r, field)])) as RowValues<Row, F>;
  const changed = (r: Row) => fields.some(({ field }) => valueOf(r, field) !== r[field]);
  const setRowErrors = (r: Row, e: RowErrors<F>) => setErrors((all) => ({ ...all, [keyOf(r)]: e }));

  function setValue(r: Row, f: F, v: Row[F] | null) {
    setEdits((all) => ({ ...all, [keyOf(r)]: { ...all[keyOf(r)], [f]: v } }));
    setRowErrors(r, {});
  }

  function discard(r: Row) {
    setEdits(({ [keyOf(r)]: _, ...rest }) => rest);
    setErrors(({ [keyOf(r)]: _, ...rest }) => rest);
  }

  async function saveRow(r: Row) {
    const checked = validate(r, valuesOf(r));
    if ('errors' in checked) {
      setRowErrors(r, checked.errors);
      return;
    }
    setSaving(keyOf(r));
    try {
      const done = await onSave(r, checked.body);
      discard(r);
      void message.success(done);
    } catch (err) {
      const rowErrors: RowErrors<F> = {};
      if (err instanceof ApiError && err.fields.length > 0) {
        for (const f of err.fields) {
          const field = f.path.split('.').pop();
          if (isField(field)) rowErrors[field] ??= f.message;
          else rowErrors.row ??= f.message;
        }
      } else rowErrors.row = errorText(err, t);
      setRowErrors(r, rowErrors);
    } finally {
      setSaving(null);
    }
  }

  const columns: TableColumnType<Row>[] = [
    {
      title: head.title,
      key: head.key,
      render: (_, r) => (
        <div>
          {head.render(r)}
          {errors[keyOf(r)]?.row && (
            <div role="alert" style={errorStyle}>
              {errors[keyOf(r)]!.row}
            </div>
          )}
        </div>
      ),
    },
    ...(fields as FieldColumn<Row, F>[]).map(({ field, title, width, render }): TableColumnType<Row> => ({
      title,
      key: field,
      width,
      render: (_, r) => {
        const error = errors[keyOf(r)]?.[field];
        const errorId = `${idPrefix}-${keyOf(r)}-${field}-error`;
        return (
          <div>
            {render(r, {
              value: valueOf(r, field) as NonNullable<Row[F]> | null,
              error,
              errorId,
              onChange: (v) => setValue(r, field, v),
              save: () => void saveRow(r),
            })}
            {error && (
              <div id={errorId} style={errorStyle}>
                {error}
              </div>
            )}
          </div>
        );
      },
    })),
    ...trailing,
    {
      title: t('common.actions'),
      key: 'actions',
      width: actions.width,
      render: (_, r) => (
        <Space size={4}>
          <Button
            type="primary"
            size="small"
            icon={<SaveOutlined aria-hidden />}
            disabled={!changed(r)}
            loading={saving === keyOf(r)}
            aria-label={actions.saveLabel(r)}
            onClick={() => void saveRow(r)}
          >
            {t('common.save')}
          </Button>
          {changed(r) && (
            <Button
              size="small"
              icon={<UndoOutlined aria-hidden />}
              aria-label={actions.discardLabel(r)}
              onClick={() => discard(r)}
            >
              {actions.discardText}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<Row>
      rowKey={rowKey}
      dataSource={rows}
      loading={loading}
      size="middle"
      pagination={pagination}
      scroll={scroll}
      locale={{ emptyText }}
      columns={columns}
    />
  );
}
