import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table } from 'antd';
import { PageHeader } from '../../../components/page-header';
import { useT } from '../../../lib/i18n';
import { useClauses } from '../api/clauses';

/** The states an application passes through (SPEC §3); the workflow table arrives with the applications. */
const statuses = ['draft', 'submitted', 'accepted', 'returned', 'issued', 'refused'] as const;

interface ApplicationRow {
  id: string;
  number: string;
  certificateNo: string | null;
  clause: string;
  product: string;
  bureau: string;
  submittedAt: string | null;
  status: string;
}

/**
 * CCC免办申请: the organisation's applications with the query form of SPEC §3.1. The applications
 * themselves (and 新增申请) come with the next issue; until then the list is honestly empty.
 */
export function ApplicationsPage() {
  const t = useT();
  const [form] = Form.useForm();
  const clauses = useClauses();
  const rows: ApplicationRow[] = [];

  return (
    <>
      <PageHeader title={t('apps.title')} description={t('apps.description')} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form form={form} layout="vertical" aria-label={t('apps.query')}>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="number" label={t('apps.col.number')}>
                <Input allowClear maxLength={19} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="certificateNo" label={t('apps.col.certificateNo')}>
                <Input allowClear maxLength={13} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="status" label={t('apps.col.status')}>
                <Select
                  allowClear
                  placeholder={t('apps.all')}
                  options={statuses.map((s) => ({ value: s, label: t(`apps.status.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="clause" label={t('apps.col.clause')}>
                <Select
                  allowClear
                  placeholder={t('apps.all')}
                  loading={clauses.isPending}
                  popupMatchSelectWidth={false}
                  options={clauses.data?.items.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="hsCode" label={t('apps.hsCode')}>
                <Input allowClear maxLength={10} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="productName" label={t('apps.productName')}>
                <Input allowClear maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="submittedBetween" label={t('apps.col.submittedAt')}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label=" " colon={false}>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    {t('common.search')}
                  </Button>
                  <Button icon={<UndoOutlined />} onClick={() => form.resetFields()}>
                    {t('common.reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card title={t('apps.list')}>
        <Table<ApplicationRow>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.empty')} /> }}
          columns={[
            { title: t('apps.col.number'), dataIndex: 'number' },
            { title: t('apps.col.certificateNo'), dataIndex: 'certificateNo' },
            { title: t('apps.col.clause'), dataIndex: 'clause' },
            { title: t('apps.col.product'), dataIndex: 'product' },
            { title: t('apps.col.bureau'), dataIndex: 'bureau' },
            { title: t('apps.col.submittedAt'), dataIndex: 'submittedAt' },
            { title: t('apps.col.status'), dataIndex: 'status' },
            { title: t('common.actions'), key: 'actions' },
          ]}
        />
      </Card>
    </>
  );
}
