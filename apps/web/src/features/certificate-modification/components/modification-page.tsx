import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import {
  modificationBodySchema,
  type ModificationContent,
  type ModificationProduct,
  type ModificationState,
} from '@ccc/domain';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { errorText } from '../../admin/components/error-text';
import { useModification, useSaveModification, useSubmitModification } from '../api';
import { ModificationCertificateCard } from './modification-certificate';
import { StateNotice } from './modification-state';
import { ModifiedProductsTable } from './modified-products-table';
import { ProductEditModal } from './product-edit-modal';
import './modification.css';

interface HolderValues {
  holder: { nameZh: string; nameEn: string | null; address: string };
  reason: string;
}

/**
 * 申请修改证明 (SPEC §3.8, manual 2.3): the certificate's subject information as a form and its products with
 * 修改 per line; 修改原因; 保存 keeps the request, 提交 sends it to the issuing bureau, 返回 goes back to the list.
 * Values that differ from the certificate are highlighted with the certificate's value beside them.
 */
export function ModificationPage() {
  const t = useT();
  const { number = '' } = useParams();
  const state = useModification(number);
  const s = state.data;

  if (state.isError) {
    return (
      <Result
        status={state.error instanceof ApiError && state.error.status === 404 ? '404' : 'error'}
        title={errorText(state.error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  if (!s) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  return (
    <ModificationEditor
      key={`${s.request?.id ?? 'new'}-${s.request?.updatedAt ?? ''}`}
      number={number}
      s={s}
    />
  );
}

function ModificationEditor({ number, s }: { number: string; s: ModificationState }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<HolderValues>();
  const save = useSaveModification(number);
  const submit = useSubmitModification(number);
  const editable = s.allowed;
  const start: ModificationContent = s.request?.changes ?? s.current;
  const [products, setProducts] = useState<ModificationProduct[]>(start.products);
  const [editing, setEditing] = useState<ModificationProduct | null>(null);
  const [productErrors, setProductErrors] = useState<Record<number, string[]>>({});
  const [dirty, setDirty] = useState(false);
  const values = Form.useWatch([], form) as Partial<HolderValues> | undefined;
  const originals = useMemo(() => new Map(s.current.products.map((p) => [p.lineNo, p])), [s.current]);

  const rule = (field: string) => zodRule(modificationBodySchema, field, t);

  function body() {
    const v = form.getFieldsValue(true) as HolderValues;
    return {
      holder: { nameZh: v.holder.nameZh, nameEn: v.holder.nameEn, address: v.holder.address },
      reason: v.reason,
      products: products.map((p) => ({
        lineNo: p.lineNo,
        productName: p.productName,
        model: p.model,
        brand: p.brand,
        quantity: p.quantity,
        unit: p.unit,
      })),
    };
  }

  /** Server field errors: the form's own fields go onto the form, product lines beside their row. */
  function showErrors(err: unknown) {
    if (!(err instanceof ApiError) || err.fields.length === 0) {
      void message.error(errorText(err, t));
      return;
    }
    const byLine: Record<number, string[]> = {};
    const formFields = err.fields.filter((f) => {
      const m = /^products\.(\d+)(?:\.(\w+))?/.exec(f.path);
      if (!m) return true;
      const line = products[Number(m[1])]?.lineNo;
      if (line !== undefined) (byLine[line] ??= []).push(f.message);
      return false;
    });
    setProductErrors(byLine);
    if (formFields.length)
      applyServerErrors(form, new ApiError(err.status, err.code, err.message, formFields));
    void message.error(err.message);
  }

  async function doSave(): Promise<boolean> {
    try {
      await form.validateFields();
    } catch {
      return false;
    }
    try {
      await save.mutateAsync(body());
      setProductErrors({});
      setDirty(false);
      return true;
    } catch (err) {
      showErrors(err);
      return false;
    }
  }

  async function onSave() {
    if (await doSave()) void message.success(t('mod.saved'));
  }

  async function onSubmit() {
    if (!(await doSave())) return;
    try {
      await submit.mutateAsync();
      void message.success(t('mod.submitted.done', { number }));
    } catch (err) {
      showErrors(err);
    }
  }

  const changed = (field: keyof HolderValues['holder']) => {
    const now = (values?.holder?.[field] ?? '').trim();
    const before = s.current.holder[field] ?? '';
    return values?.holder !== undefined && now !== before;
  };
  const holderItem = (field: keyof HolderValues['holder'], label: string, required: boolean, max: number) => (
    <Form.Item
      name={['holder', field]}
      label={label}
      required={required}
      rules={[rule(`holder.${field}`)]}
      className={changed(field) ? 'mod-changed' : undefined}
      extra={
        changed(field) ? (
          <span className="mod-was">{t('mod.was', { value: s.current.holder[field] ?? '—' })}</span>
        ) : undefined
      }
    >
      <Input maxLength={max} disabled={!editable} />
    </Form.Item>
  );

  const request = s.request;
  const busy = save.isPending || submit.isPending;

  return (
    <>
      <PageHeader title={t('mod.title')} description={t('mod.description')} />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <StateNotice s={s} t={t} />
        <ModificationCertificateCard s={s} />
        <Form<HolderValues>
          form={form}
          layout="vertical"
          initialValues={{ holder: { ...start.holder }, reason: request?.reason ?? '' }}
          onValuesChange={() => setDirty(true)}
          style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
        >
          <Card title={t('mod.holder')}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                {holderItem('nameZh', t('mod.holder.nameZh'), true, 200)}
              </Col>
              <Col xs={24} md={12}>
                {holderItem('nameEn', t('mod.holder.nameEn'), false, 300)}
              </Col>
              <Col span={24}>{holderItem('address', t('mod.holder.address'), true, 500)}</Col>
            </Row>
          </Card>
          <Card
            title={t('mod.products')}
            extra={<Typography.Text type="secondary">{t('mod.products.note')}</Typography.Text>}
          >
            <ModifiedProductsTable
              products={products}
              originals={originals}
              editable={editable}
              productErrors={productErrors}
              onEdit={setEditing}
            />
          </Card>
          <Card title={t('mod.reason')}>
            <Form.Item
              name="reason"
              label={t('mod.reason')}
              required
              rules={[rule('reason')]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea
                maxLength={1000}
                showCount
                autoSize={{ minRows: 3, maxRows: 8 }}
                placeholder={t('mod.reason.placeholder')}
                disabled={!editable}
              />
            </Form.Item>
          </Card>
        </Form>
      </div>
      <div className="mod-actions">
        <Space>
          {editable && (
            <Button
              icon={<SaveOutlined aria-hidden />}
              loading={save.isPending && !submit.isPending}
              disabled={busy}
              onClick={() => void onSave()}
            >
              {t('common.save')}
            </Button>
          )}
          {editable && (
            <Popconfirm
              title={t('mod.submit.confirm', { number })}
              description={t('mod.submit.note')}
              okText={t('common.submit')}
              onConfirm={() => void onSubmit()}
            >
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy}>
                {t('common.submit')}
              </Button>
            </Popconfirm>
          )}
          <Button
            icon={<ArrowLeftOutlined aria-hidden />}
            onClick={() => void navigate('/portal/applications')}
          >
            {t('common.back')}
          </Button>
          {dirty && editable && <Typography.Text type="warning">{t('mod.unsaved')}</Typography.Text>}
        </Space>
      </div>
      {editing && (
        <ProductEditModal
          product={editing}
          original={originals.get(editing.lineNo)}
          onClose={() => setEditing(null)}
          onSave={(p) => {
            setProducts((list) => list.map((x) => (x.lineNo === p.lineNo ? p : x)));
            setProductErrors((e) => ({ ...e, [p.lineNo]: [] }));
            setDirty(true);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
