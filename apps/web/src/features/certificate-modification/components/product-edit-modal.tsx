import { Col, Form, Input, Modal, Row, Typography } from 'antd';
import { modificationProductBodySchema, type ModificationProduct } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { zodRule } from '../../../lib/zod-form';
import './modification.css';

type Values = Pick<ModificationProduct, 'productName' | 'model' | 'brand' | 'quantity' | 'unit'>;

/**
 * 修改 of one product line (manual 2.3 "修改产品信息"): 产品名称, 型号/规格, 品牌/商标, 数量, 单位; the HS code is
 * shown, not changed (lines are changed, never added or removed). 保存 keeps the change in the request being
 * edited; 返回 goes back to the certificate's page.
 */
export function ProductEditModal({
  product,
  original,
  onSave,
  onClose,
}: {
  product: ModificationProduct;
  /** The line as the certificate states it now, to show what changed. */
  original: ModificationProduct | undefined;
  onSave: (p: ModificationProduct) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  // The same rules as the server's; lineNo is not a field here, its issue is never reported.
  const ruleFor = (field: keyof Values) => zodRule(modificationProductBodySchema, field, t);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;

  async function save() {
    const v = await form.validateFields();
    onSave({
      ...product,
      productName: v.productName.trim(),
      model: v.model.trim(),
      brand: v.brand?.trim() ? v.brand.trim() : null,
      quantity: String(v.quantity).trim(),
      unit: v.unit.trim(),
    });
  }

  const was = (field: keyof Values) => {
    const before = original?.[field] ?? null;
    const now = values?.[field];
    if (!original || now === undefined || (now ?? '').trim() === (before ?? '')) return undefined;
    return <span className="mod-was">{t('mod.was', { value: before ?? '—' })}</span>;
  };

  return (
    <Modal
      open
      width={720}
      title={t('mod.product.editTitle', { lineNo: product.lineNo })}
      okText={t('common.save')}
      cancelText={t('common.back')}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          productName: product.productName,
          model: product.model,
          brand: product.brand,
          quantity: product.quantity,
          unit: product.unit,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('apps.hs.code')}>
              <Typography.Text>{product.hsCode}</Typography.Text>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('apps.hs.name')}>
              <Typography.Text>{product.hsName}</Typography.Text>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="productName"
              label={t('apps.product.name')}
              required
              rules={[ruleFor('productName')]}
              extra={was('productName')}
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="model"
              label={t('apps.product.model')}
              required
              rules={[ruleFor('model')]}
              extra={was('model')}
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="brand"
              label={t('apps.product.brand')}
              rules={[ruleFor('brand')]}
              extra={was('brand')}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="quantity"
              label={t('apps.product.quantity')}
              required
              rules={[ruleFor('quantity')]}
              extra={was('quantity')}
            >
              <Input inputMode="decimal" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="unit"
              label={t('apps.product.unit')}
              required
              rules={[ruleFor('unit')]}
              extra={was('unit')}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
