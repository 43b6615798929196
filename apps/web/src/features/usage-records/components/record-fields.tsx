import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { RecordKind, UsageRecord } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from '../../../lib/i18n';

/** One cell pair of the grid: the quantity and the date typed for a product line. */
export interface LineInput {
  quantity: string | null;
  date: string | null;
}

export interface FormValues {
  userName?: string;
  userAddress?: string;
  userContact?: string;
  userPhone?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  description?: string;
  declarationNo?: string;
  exportDate?: Dayjs | null;
  method?: string;
  witness?: string;
}

export type CellErrors = Record<number, { quantity?: string; date?: string; line?: string }>;

export const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
export const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : '');

export function initialValues(r: UsageRecord | undefined): FormValues {
  if (!r) return {};
  return {
    userName: r.userName ?? undefined,
    userAddress: r.userAddress ?? undefined,
    userContact: r.userContact ?? undefined,
    userPhone: r.userPhone ?? undefined,
    period: r.periodStart || r.periodEnd ? [day(r.periodStart), day(r.periodEnd)] : null,
    description: r.description ?? undefined,
    declarationNo: r.declarationNo ?? undefined,
    exportDate: day(r.exportDate),
    method: r.method ?? undefined,
    witness: r.witness ?? undefined,
  };
}

/** The form field that shows an issue of the body at `path` (the period's two ends share one picker). */
export function formField(path: string): keyof FormValues | null {
  if (path === 'periodStart' || path === 'periodEnd') return 'period';
  const known: (keyof FormValues)[] = [
    'userName',
    'userAddress',
    'userContact',
    'userPhone',
    'description',
    'declarationNo',
    'exportDate',
    'method',
    'witness',
  ];
  return (known as string[]).includes(path) ? (path as keyof FormValues) : null;
}

/** The lines of a saved record in the order the server holds them (for errors of 提交). */
export function b2lines(r: UsageRecord): { lineNo: number }[] {
  return r.lines.map((l) => ({ lineNo: l.lineNo }));
}

/** zod's own messages are keys of ours; a type error on an untouched field is "required". */
export function translateIssue(t: TFunction, msg: string, code: string): string {
  if (code === 'invalid_type') return t('v.required');
  return t(msg);
}

/** The record's own fields per kind (manual 2.6.1; SPEC §3.9). */
export function RecordFields({
  kind,
  t,
  disabledDate,
}: {
  kind: RecordKind;
  t: TFunction;
  disabledDate: (v: Dayjs) => boolean;
}) {
  const description = (required: boolean) => (
    <Col span={24}>
      <Form.Item
        name="description"
        label={t(kind === 'usage' ? 'rec.f.usageDescription' : 'rec.f.description')}
        required={required}
      >
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </Col>
  );
  if (kind === 'usage')
    return (
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="userName" label={t('rec.f.userName')} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="userAddress" label={t('rec.f.userAddress')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="userContact" label={t('rec.f.userContact')} required>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="userPhone" label={t('rec.f.userPhone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="period" label={t('rec.f.period')} required>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              disabledDate={disabledDate}
              placeholder={[t('rec.f.periodStart'), t('rec.f.periodEnd')]}
            />
          </Form.Item>
        </Col>
        {description(true)}
      </Row>
    );
  if (kind === 'reexport')
    return (
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="declarationNo" label={t('rec.f.declarationNo')} required>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {description(false)}
      </Row>
    );
  if (kind === 'destruction')
    return (
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="method" label={t('rec.f.method')} required>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="witness" label={t('rec.f.witness')} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {description(false)}
      </Row>
    );
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="declarationNo" label={t('rec.f.exportDeclarationNo')} required>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="exportDate"
          label={t('rec.f.exportDate')}
          required
          extra={t('rec.f.exportDate.hint')}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDate} />
        </Form.Item>
      </Col>
      {description(false)}
    </Row>
  );
}
