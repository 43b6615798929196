import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { fromDateRange, toDateRange, type DateRangeValue } from '../../../lib/date-range';
import { useI18n } from '../../../lib/i18n';
import { BureauSelect } from '../../admin/components/bureau-select';
import { useAuditActions, type AuditSearch } from '../api/audit';
import { actionLabel } from './audit-labels';
import { QueryButtons } from '../../../components/query-buttons';

interface FilterForm {
  actor?: string;
  organisation?: string;
  bureau?: string;
  application?: string;
  certificate?: string;
  action?: string;
  range?: DateRangeValue;
}

/** 查询条件: 操作人, 单位, 受理机构, 申请编号, 证明号, 操作, 时间范围; 查询 and 重置. */
export function AuditFilter({
  query,
  onSearch,
}: {
  query: AuditSearch;
  onSearch: (filter: Partial<AuditSearch>) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FilterForm>();
  const actions = useAuditActions();

  const initial: FilterForm = {
    actor: query.actor,
    organisation: query.organisation,
    bureau: query.bureau,
    application: query.application,
    certificate: query.certificate,
    action: query.action,
    range: toDateRange(query.from, query.to),
  };

  function search(v: FilterForm) {
    const { from, to } = fromDateRange(v.range);
    onSearch({
      actor: v.actor?.trim() || undefined,
      organisation: v.organisation?.trim() || undefined,
      bureau: v.bureau || undefined,
      application: v.application?.trim() || undefined,
      certificate: v.certificate?.trim() || undefined,
      action: v.action || undefined,
      from,
      to,
    });
  }

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<FilterForm>
        form={form}
        name="auditFilter"
        layout="vertical"
        aria-label={t('audit.filter')}
        initialValues={initial}
        onFinish={search}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear maxLength={100} placeholder={t('audit.actorHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="organisation" label={t('audit.organisation')}>
              <Input allowClear maxLength={100} placeholder={t('audit.organisationHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="bureau" label={t('audit.bureau')}>
              <BureauSelect allowClear placeholder={t('audit.all')} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                placeholder={t('audit.all')}
                loading={actions.isPending}
                popupMatchSelectWidth={false}
                showSearch={{ optionFilterProp: 'label' }}
                options={(actions.data?.items ?? []).map((a) => ({
                  value: a.action,
                  label: actionLabel(a.action, locale, a.label),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="application" label={t('audit.application')}>
              <Input allowClear maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="certificate" label={t('audit.certificate')}>
              <Input allowClear maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="range" label={t('audit.range')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <QueryButtons
              form={form}
              onReset={() =>
                onSearch({
                  actor: undefined,
                  organisation: undefined,
                  bureau: undefined,
                  application: undefined,
                  certificate: undefined,
                  action: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
            />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
