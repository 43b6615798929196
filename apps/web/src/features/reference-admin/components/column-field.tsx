import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { FormRule } from 'antd';
import type { ReferenceColumn, ReferenceDatasetKey } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../lib/i18n';
import { columnLabel, enumLabel } from './labels';

/** Long free text gets a text area and the form's full width. */
export function isWide(col: ReferenceColumn): boolean {
  return col.type === 'list' || (col.type === 'text' && (col.maxLength === null || col.maxLength > 100));
}

/** One form field generated from a column's description; key columns are read-only when editing. */
export function ColumnField({
  dataset,
  col,
  readOnly,
}: {
  dataset: ReferenceDatasetKey;
  col: ReferenceColumn;
  readOnly: boolean;
}) {
  const t = useT();
  const label = columnLabel(t, dataset, col);
  const name = ['values', col.key];
  const rules: FormRule[] =
    col.required && col.type !== 'boolean' && !readOnly ? [{ required: true, message: t('v.required') }] : [];
  const common = { name, label, rules, required: col.required && col.type !== 'boolean' && !readOnly };

  switch (col.type) {
    case 'boolean':
      return (
        <Form.Item {...common} valuePropName="checked">
          <Switch disabled={readOnly} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item {...common}>
          <InputNumber precision={0} disabled={readOnly} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          {...common}
          getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker disabled={readOnly} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item {...common}>
          <Select
            disabled={readOnly}
            allowClear={!col.required}
            options={(col.options ?? []).map((o) => ({ value: o, label: enumLabel(t, dataset, col, o) }))}
          />
        </Form.Item>
      );
    case 'list':
      return (
        <Form.Item {...common} extra={readOnly ? undefined : t('refadm.form.listHint')}>
          <Select
            mode="tags"
            disabled={readOnly}
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ';', '；']}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...common}>
          {isWide(col) ? (
            <Input.TextArea
              disabled={readOnly}
              maxLength={col.maxLength ?? undefined}
              showCount={col.maxLength !== null}
              autoSize={{ minRows: 2, maxRows: 6 }}
            />
          ) : (
            <Input disabled={readOnly} maxLength={col.maxLength ?? undefined} />
          )}
        </Form.Item>
      );
  }
}
