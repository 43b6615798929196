import { useQuery } from '@tanstack/react-query';
import { App as AntApp, AutoComplete, Button, Col, Form, Input, Modal, Row, Space } from 'antd';
import { productBodySchema, type HsCodeDetail, type Product, type ProductBody } from '@ccc/domain';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { errorText } from '../../admin/components/error-text';
import { useSaveProduct } from '../api/applications';
import { useUnits } from '../api/reference';
import { CategoryText, HsPickerModal, type PickedHsCode } from './hs-picker-modal';

type Field = keyof ProductBody;

interface ShownHs {
  name: string;
  category: string | null;
  provisional: boolean;
  unit1: string | null;
}

function toValues(p: Product): ProductBody {
  return {
    hsCode: p.hsCode,
    productName: p.productName,
    model: p.model,
    brand: p.brand,
    quantity: p.quantity,
    unit: p.unit,
    manufacturer: p.manufacturer,
    originCountry: p.originCountry,
    purpose: p.purpose,
  };
}

/** The 产品类别 of a saved line's code (the line keeps only its HS名称). */
function useHsCode(code: string | undefined) {
  return useQuery({
    queryKey: ['hs-codes', 'one', code],
    queryFn: () => api.get<HsCodeDetail>(`/api/hs-codes/${encodeURIComponent(code!)}`),
    enabled: !!code,
    staleTime: 60 * 60_000,
  });
}

/**
 * 添加 / 修改 a product (SPEC §3.3): HS编码 chosen with 选择 (HS名称 and 产品类别 shown from it), 产品名称,
 * 型号/规格, 品牌/商标, 数量, 单位, 制造商, 原产国（地区）, 产品用途及特点. 保存并关闭, 保存并添加下一个 (the form
 * stays open and is cleared), 返回. Mount it when it opens.
 */
export function ProductFormModal({
  applicationId,
  product,
  onClose,
}: {
  applicationId: string;
  /** The line to change; absent to add one. */
  product?: Product;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProductBody>();
  const save = useSaveProduct(applicationId);
  const units = useUnits();
  const saved = useHsCode(product?.hsCode);
  const [picked, setPicked] = useState<ShownHs | null>(null);
  const [picking, setPicking] = useState(false);
  const [added, setAdded] = useState(0);
  const unitInput = Form.useWatch('unit', form);
  const firstField = useRef<HTMLButtonElement>(null);

  const shown: ShownHs | null =
    picked ??
    (product
      ? {
          name: product.hsName,
          category: saved.data?.category ?? null,
          provisional: saved.data?.categoryProvisional ?? false,
          unit1: saved.data?.unit1 ?? null,
        }
      : null);

  const unitOptions = useMemo(() => {
    const needle = (unitInput ?? '').trim();
    const all = units.data?.items ?? [];
    return all
      .filter((u) => !needle || u.name.includes(needle))
      .slice(0, 40)
      .map((u) => ({ value: u.name }));
  }, [units.data, unitInput]);

  function pick(hs: PickedHsCode) {
    const previousDefault = shown?.unit1 ?? null;
    const unit = (form.getFieldValue('unit') as string | undefined)?.trim();
    form.setFieldValue('hsCode', hs.code);
    // 单位 follows the code's first unit unless the user typed another one.
    if (hs.unit1 && (!unit || unit === previousDefault)) form.setFieldValue('unit', hs.unit1);
    setPicked({ name: hs.name, category: hs.category, provisional: hs.categoryProvisional, unit1: hs.unit1 });
    void form.validateFields(['hsCode']);
  }

  async function submit(next: boolean) {
    let values: ProductBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync({
        productId: product?.id,
        body: { ...(form.getFieldsValue(true) as ProductBody), ...values },
      });
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(errorText(err, t));
      return;
    }
    if (next) {
      setAdded((n) => n + 1);
      void message.success(t('apps.product.addedNext', { name: values.productName }));
      form.resetFields();
      setPicked(null);
      firstField.current?.focus();
    } else {
      void message.success(
        product ? t('apps.product.saved') : t('apps.product.added', { name: values.productName }),
      );
      onClose();
    }
  }

  const item = (field: Field, label: string, input: ReactNode, required = false, span = 12) => (
    <Col xs={24} md={span}>
      <Form.Item
        name={field}
        label={label}
        required={required}
        rules={[zodRule(productBodySchema, field, t)]}
        validateFirst
      >
        {input}
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      title={product ? t('apps.product.editTitle', { line: product.lineNo }) : t('apps.product.addTitle')}
      width={880}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          {added > 0 && (
            <span style={{ color: '#389e0d', marginInlineEnd: 8 }}>
              {t('apps.product.addedCount', { count: added })}
            </span>
          )}
          <Button type="primary" loading={save.isPending} onClick={() => void submit(false)}>
            {product ? t('common.save') : t('apps.product.saveClose')}
          </Button>
          {!product && (
            <Button loading={save.isPending} onClick={() => void submit(true)}>
              {t('apps.product.saveNext')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.back')}</Button>
        </Space>
      }
    >
      <Form<ProductBody>
        form={form}
        layout="vertical"
        initialValues={product ? toValues(product) : undefined}
        aria-label={t('apps.product.form')}
        style={{ marginTop: 12 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('apps.hs.code')} required extra={t('apps.product.hsHint')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item noStyle name="hsCode" rules={[zodRule(productBodySchema, 'hsCode', t)]}>
                  <Input
                    readOnly
                    placeholder={t('apps.product.hsPlaceholder')}
                    aria-label={t('apps.hs.code')}
                  />
                </Form.Item>
                <Button type="primary" ghost ref={firstField} onClick={() => setPicking(true)}>
                  {t('apps.product.pick')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('apps.hs.name')}>
              <Input readOnly variant="filled" value={shown?.name ?? ''} aria-label={t('apps.hs.name')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('apps.hs.category')}>
              <div style={{ minHeight: 32, display: 'flex', alignItems: 'center' }}>
                <CategoryText category={shown?.category ?? null} provisional={shown?.provisional ?? false} />
              </div>
            </Form.Item>
          </Col>
          {item(
            'productName',
            t('apps.product.name'),
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />,
            true,
          )}
          {item(
            'model',
            t('apps.product.model'),
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />,
            true,
          )}
          {item('brand', t('apps.product.brand'), <Input maxLength={200} />, false, 8)}
          {item(
            'quantity',
            t('apps.product.quantity'),
            <Input inputMode="decimal" maxLength={20} />,
            true,
            8,
          )}
          {item(
            'unit',
            t('apps.product.unit'),
            <AutoComplete
              options={unitOptions}
              placeholder={t('apps.product.unitPlaceholder')}
              maxLength={20}
            />,
            true,
            8,
          )}
          {item('manufacturer', t('apps.product.manufacturer'), <Input maxLength={300} />)}
          {item('originCountry', t('apps.product.originCountry'), <Input maxLength={100} />)}
          {item(
            'purpose',
            t('apps.product.purpose'),
            <Input.TextArea maxLength={10000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />,
            false,
            24,
          )}
        </Row>
      </Form>
      {picking && <HsPickerModal open onClose={() => setPicking(false)} onPick={pick} />}
    </Modal>
  );
}
