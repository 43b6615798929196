import { InfoCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Typography,
  type FormInstance,
  type FormRule,
} from 'antd';
import {
  ADDRESS_MAX,
  DISPOSAL_MAX,
  DOCUMENT_NUMBER_MAX,
  LONG_TEXT_MAX,
  documentNumberFields,
  type Clause,
} from '@ccc/domain';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { DivisionCascader } from '../../../components/division-cascader';
import { useT } from '../../../lib/i18n';
import { bureausForDivisionQuery, useAddressTypes } from '../api/reference';
import { BureauField } from './bureau-field';
import { applicationFieldLabels } from './field-labels';
import { applicationRule, type ApplicationFormValues, type FormField } from './form-model';

interface Props {
  form: FormInstance<ApplicationFormValues>;
  schema: z.ZodType;
  clauses: Clause[];
  /** Saved already: 免办条款 and 受理市场监督管理局 are fixed. */
  fixed: { bureauName: string } | null;
}

const dependents: Partial<Record<FormField, FormField[]>> = {
  subClauseCode: ['clauseCode'],
  applicantTypeCode: ['clauseCode'],
  displayPeriod: ['clauseCode'],
  postDisplayDisposal: ['clauseCode'],
  billOfLadingNo: ['contractNo', 'invoiceNo'],
  contractNo: ['billOfLadingNo', 'invoiceNo'],
  invoiceNo: ['billOfLadingNo', 'contractNo'],
};

/** 申请信息 (SPEC §3.2): the fields of the manual in its order, with the shared schema's rules. */
export function ApplicationFields({ form, schema, clauses, fixed }: Props) {
  const t = useT();
  const addressTypes = useAddressTypes();
  const qc = useQueryClient();
  const clauseCode = Form.useWatch('clauseCode', form);
  const division = Form.useWatch('locationDivisionCode', form);
  const clause = clauses.find((c) => c.code === clauseCode);

  // After the first save the bureau stays: a new location must still be within its jurisdiction.
  const coveredByBureau: FormRule = ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!fixed || typeof value !== 'string' || !/^\d{6}$/.test(value)) return;
      const offered = await qc.fetchQuery(bureausForDivisionQuery(value));
      if (!offered.items.some((b) => b.code === getFieldValue('bureauCode'))) {
        throw new Error(t('v.application.divisionNotCovered'));
      }
    },
  });

  /** One field: label of the manual, required mark for 提交, the shared rule. */
  const item = (
    field: FormField,
    input: ReactNode,
    opts: { required?: boolean; extra?: ReactNode; rules?: FormRule[] } = {},
  ) => (
    <Form.Item
      name={field}
      label={t(applicationFieldLabels[field === 'displayPeriod' ? 'displayStartDate' : field])}
      required={opts.required ?? false}
      rules={[applicationRule(schema, field, t), ...(opts.rules ?? [])]}
      dependencies={dependents[field]}
      extra={opts.extra}
      validateFirst
    >
      {input}
    </Form.Item>
  );
  const longText = (max: number) => (
    <Input.TextArea maxLength={max} showCount autoSize={{ minRows: 3, maxRows: 10 }} />
  );
  const fixedNote = fixed ? (
    <Typography.Text type="secondary">
      <InfoCircleOutlined aria-hidden /> {t('v.application.fixed')}
    </Typography.Text>
  ) : undefined;

  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        {item(
          'clauseCode',
          <Select
            disabled={!!fixed}
            placeholder={t('apps.f.choose')}
            popupMatchSelectWidth={false}
            options={clauses.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            onChange={(code: string) => {
              const next = clauses.find((c) => c.code === code);
              const subClauseCode = form.getFieldValue('subClauseCode') as string | null | undefined;
              const applicantTypeCode = form.getFieldValue('applicantTypeCode') as string | null | undefined;
              if (!next?.subClauses.some((s) => s.code === subClauseCode))
                form.setFieldValue('subClauseCode', null);
              if (!next?.applicantTypes.some((a) => a.code === applicantTypeCode))
                form.setFieldValue('applicantTypeCode', null);
            }}
          />,
          { required: true, extra: fixedNote },
        )}
      </Col>
      <Col xs={24} lg={12}>
        {clause &&
          clause.subClauses.length > 0 &&
          item(
            'subClauseCode',
            <Select
              allowClear
              placeholder={t('apps.f.choose')}
              options={clause.subClauses.map((s) => ({ value: s.code, label: s.name }))}
            />,
            { required: clause.requiresSubClause, extra: t('apps.f.subClauseHint') },
          )}
      </Col>
      {clause && clause.applicantTypes.length > 0 && (
        <Col xs={24} lg={12}>
          {item(
            'applicantTypeCode',
            <Select
              allowClear
              placeholder={t('apps.f.choose')}
              options={clause.applicantTypes.map((a) => ({ value: a.code, label: a.name }))}
            />,
            { required: clause.requiresApplicantType },
          )}
        </Col>
      )}

      <Col span={24}>
        <Typography.Title level={5} style={{ marginTop: 4 }}>
          {t('apps.f.locationSection')}
        </Typography.Title>
      </Col>
      <Col xs={24} lg={10}>
        {item('locationDivisionCode', <DivisionCascader />, {
          required: true,
          extra: t('apps.f.locationHint'),
          rules: [coveredByBureau],
        })}
      </Col>
      <Col xs={24} lg={6}>
        {item(
          'locationAddressTypeCode',
          <Select
            allowClear
            placeholder={t('apps.f.choose')}
            loading={addressTypes.isPending}
            options={addressTypes.data?.items.map((a) => ({ value: a.code, label: a.name }))}
          />,
          { required: true },
        )}
      </Col>
      <Col xs={24} lg={8}>
        {item('locationAddress', <Input maxLength={ADDRESS_MAX} />, { required: true })}
      </Col>
      <Col xs={24} lg={10}>
        {item('useDivisionCode', <DivisionCascader />, { required: true })}
      </Col>
      <Col xs={24} lg={14}>
        {item('useAddress', <Input maxLength={ADDRESS_MAX} />, { required: true })}
      </Col>
      <Col span={24}>
        <Form.Item
          name="bureauCode"
          label={t('apps.f.bureau')}
          required
          rules={[applicationRule(schema, 'bureauCode', t)]}
          extra={fixed ? fixedNote : t('apps.bureau.hint')}
        >
          <BureauField division={division} fixedName={fixed?.bureauName} />
        </Form.Item>
      </Col>

      <Col span={24}>
        <Typography.Title level={5} style={{ marginTop: 4 }}>
          {t('apps.f.documentsSection')}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('v.application.documentNumbers')}
          </Typography.Text>
        </Typography.Title>
      </Col>
      {documentNumberFields.map((f) => (
        <Col xs={24} lg={8} key={f}>
          {item(f, <Input maxLength={DOCUMENT_NUMBER_MAX} />)}
        </Col>
      ))}

      <Col span={24}>
        {item('productFeatures', longText(LONG_TEXT_MAX), { required: true })}
        {item('exemptionReason', longText(LONG_TEXT_MAX), { required: true })}
        {item('safetyAssurance', longText(LONG_TEXT_MAX), { required: true })}
      </Col>
      {clause?.requiresDisplayPeriod && (
        <>
          <Col xs={24} lg={10}>
            {item(
              'displayPeriod',
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />,
              {
                required: true,
              },
            )}
          </Col>
          <Col span={24}>{item('postDisplayDisposal', longText(DISPOSAL_MAX), { required: true })}</Col>
        </>
      )}
    </Row>
  );
}
