import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { applicationStatuses } from '@ccc/domain';
import { fromDateRange, toDateRange, type DateRangeValue } from '../../../lib/date-range';
import { useT } from '../../../lib/i18n';
import { useClauses } from '../../applications/api/clauses';
import type { SearchQuery } from '../api/review';
import { QueryButtons } from '../../../components/query-buttons';

interface QueryForm {
  number?: string;
  certificateNumber?: string;
  organisation?: string;
  status?: string;
  clauseCode?: string;
  submitted?: DateRangeValue;
}

const filterKeys = [
  'number',
  'certificateNumber',
  'organisation',
  'status',
  'clauseCode',
  'dateFrom',
  'dateTo',
] as const;

/** A bureau never sees drafts: 状态 offers the others. */
const searchStatuses = applicationStatuses.filter((s) => s !== 'draft');

/** The query lives in the address, so 返回 from a case comes back to the same page. */
export function searchFromParams(params: URLSearchParams): SearchQuery {
  const q: SearchQuery = {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  return q;
}

export function paramsFromSearch(q: SearchQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  if (out.page === '1') delete out.page;
  if (out.pageSize === '20') delete out.pageSize;
  return out;
}

/** 查询条件: 申请编号, 证明号, 申请单位 (name or code), 状态, 免办条款, 提交日期; 查询 and 重置. */
export function SearchQueryForm({
  query,
  setParams,
}: {
  query: SearchQuery;
  setParams: (params: Record<string, string>) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<QueryForm>();
  const clauses = useClauses();

  const initial: QueryForm = {
    number: query.number,
    certificateNumber: query.certificateNumber,
    organisation: query.organisation,
    status: query.status,
    clauseCode: query.clauseCode,
    submitted: toDateRange(query.dateFrom, query.dateTo),
  };

  function search(values: QueryForm) {
    const { from, to } = fromDateRange(values.submitted);
    setParams(
      paramsFromSearch({
        page: 1,
        pageSize: query.pageSize,
        number: values.number?.trim(),
        certificateNumber: values.certificateNumber?.trim(),
        organisation: values.organisation?.trim(),
        status: values.status,
        clauseCode: values.clauseCode,
        dateFrom: from,
        dateTo: to,
      }),
    );
  }

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<QueryForm>
        form={form}
        layout="vertical"
        aria-label={t('bureau.search.form')}
        initialValues={initial}
        onFinish={search}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="number" label={t('apps.col.number')}>
              <Input allowClear maxLength={19} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="certificateNumber" label={t('apps.col.certificateNo')}>
              <Input allowClear maxLength={13} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="organisation" label={t('apps.detail.organisation')}>
              <Input allowClear maxLength={100} placeholder={t('bureau.search.organisationHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="status" label={t('apps.col.status')}>
              <Select
                allowClear
                placeholder={t('apps.all')}
                options={searchStatuses.map((s) => ({ value: s, label: t(`apps.status.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="clauseCode" label={t('apps.col.clause')}>
              <Select
                allowClear
                placeholder={t('apps.all')}
                loading={clauses.isPending}
                popupMatchSelectWidth={false}
                options={clauses.data?.items.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="submitted" label={t('apps.col.submittedAt')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={24} xl={12}>
            <QueryButtons form={form} onReset={() => setParams({})} />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
