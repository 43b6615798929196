import { Alert, App as AntApp, Col, Form, Modal, Row } from 'antd';
import type { FormInstance } from 'antd';
import type {
  ReferenceColumn,
  ReferenceDataset,
  ReferenceRow,
  ReferenceValue,
  ReferenceValues,
} from '@ccc/domain';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useCreateRow, useUpdateRow } from '../api/reference-admin';
import { ColumnField, isWide } from './column-field';
import { datasetLabel } from './labels';

interface Props {
  dataset: ReferenceDataset;
  /** The edition a new row goes into (datasets with editions). */
  edition?: string;
  /** `null`: 新增; a row: 修改 it; `undefined`: closed. */
  row: ReferenceRow | null | undefined;
  onClose: () => void;
}

interface FormValues {
  values: Record<string, ReferenceValue | undefined>;
}

/** The form's value as the API wants it: empty text is null, an untouched switch is false. */
function toApiValue(col: ReferenceColumn, v: ReferenceValue | undefined): ReferenceValue {
  if (v === undefined || v === null) {
    if (col.type === 'boolean') return false;
    if (col.type === 'list') return [];
    return null;
  }
  if (typeof v === 'string' && col.type !== 'list') return v.trim() === '' ? null : v.trim();
  return v;
}

/**
 * The server's field errors under the right field: paths may name the column (`name_zh`) or the body
 * path (`values.name_zh`). Returns the errors that belong to no field of the form.
 */
function showFieldErrors(form: FormInstance<FormValues>, err: ApiError, shown: ReferenceColumn[]): string[] {
  const keys = new Set(shown.map((c) => c.key));
  const rest: string[] = [];
  const fields: { name: ['values', string]; errors: string[] }[] = [];
  for (const f of err.fields) {
    const column = f.path.replace(/^values\./, '');
    if (keys.has(column)) fields.push({ name: ['values', column], errors: [f.message] });
    else rest.push(f.message);
  }
  form.setFields(fields);
  if (fields[0]) form.scrollToField(fields[0].name);
  return rest;
}

/** 新增 / 修改 of one row: a form generated from the dataset's editable columns. */
export function RowFormModal({ dataset, edition, row, onClose }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRow(dataset.key);
  const update = useUpdateRow(dataset.key);
  const creating = row === null;
  const shown = dataset.columns.filter((c) => c.editable);
  const sent = creating ? shown : shown.filter((c) => !c.isKey);
  const initialValues: FormValues = {
    values: Object.fromEntries(
      shown.map((c) => [
        c.key,
        row ? (row.values[c.key] ?? undefined) : c.type === 'boolean' ? false : undefined,
      ]),
    ),
  };

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    const raw = (form.getFieldsValue(true) as FormValues).values ?? {};
    const values: ReferenceValues = Object.fromEntries(sent.map((c) => [c.key, toApiValue(c, raw[c.key])]));
    try {
      if (creating) {
        await create.mutateAsync({ values, ...(dataset.hasEditions && edition ? { edition } : {}) });
        void message.success(t('refadm.form.created'));
      } else if (row) {
        await update.mutateAsync({ key: row.key, values });
        void message.success(t('common.saved'));
      }
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        const rest = showFieldErrors(form, err, shown);
        if (rest.length) void message.error(rest.join('；'));
      } else {
        void message.error(errorText(err, t));
      }
    }
  }

  const title = t(creating ? 'refadm.form.createTitle' : 'refadm.form.editTitle', {
    name: datasetLabel(t, dataset),
  });

  return (
    <Modal
      open={row !== undefined}
      title={title}
      width={760}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {creating && dataset.hasEditions && edition && (
        <Alert
          type="info"
          showIcon
          title={t('refadm.form.editionNote', { edition })}
          style={{ marginTop: 12 }}
        />
      )}
      {!creating && row && (
        <Alert type="info" showIcon title={t('refadm.form.keyNote')} style={{ marginTop: 12 }} />
      )}
      <Form
        form={form}
        name="referenceRow"
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        style={{ marginTop: 16 }}
        autoComplete="off"
      >
        <Row gutter={16}>
          {shown.map((col) => (
            <Col key={col.key} span={isWide(col) ? 24 : 12}>
              <ColumnField dataset={dataset.key} col={col} readOnly={!creating && col.isKey} />
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
