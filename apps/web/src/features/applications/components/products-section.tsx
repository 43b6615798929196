import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Popconfirm,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Product } from '@ccc/domain';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useDeleteProduct } from '../api/applications';
import { ProductFormModal } from './product-form-modal';

export const PRODUCTS_ANCHOR = 'apps-products';

/**
 * The products table: in the form the essentials with 修改/删除 (the rest is in the product form), in the
 * detail every field.
 */
export function ProductsTable({
  products,
  actions,
}: {
  products: Product[];
  actions?: (p: Product) => ReactNode;
}) {
  const t = useT();
  const full = !actions;
  const optional = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<Product> = [
    { title: t('apps.product.line'), dataIndex: 'lineNo', width: 56, align: 'center' },
    { title: t('apps.hs.code'), dataIndex: 'hsCode', width: 112 },
    { title: t('apps.hs.name'), dataIndex: 'hsName', width: full ? 180 : 170, ellipsis: true },
    {
      title: t('apps.product.name'),
      dataIndex: 'productName',
      width: full ? 200 : undefined,
      ellipsis: true,
    },
    { title: t('apps.product.model'), dataIndex: 'model', width: full ? 150 : undefined, ellipsis: true },
    ...(full
      ? [{ title: t('apps.product.brand'), dataIndex: 'brand', width: 120, ellipsis: true, render: optional }]
      : []),
    { title: t('apps.product.quantity'), dataIndex: 'quantity', width: 96, align: 'right' },
    { title: t('apps.product.unit'), dataIndex: 'unit', width: 64 },
    ...(full
      ? [
          {
            title: t('apps.product.manufacturer'),
            dataIndex: 'manufacturer',
            width: 160,
            ellipsis: true,
            render: optional,
          },
          {
            title: t('apps.product.originCountry'),
            dataIndex: 'originCountry',
            width: 120,
            render: optional,
          },
        ]
      : []),
    ...(actions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, p: Product) => actions(p),
          },
        ]
      : []),
  ];
  return (
    <Table<Product>
      rowKey="id"
      size="middle"
      dataSource={products}
      pagination={false}
      scroll={full ? { x: 1260 } : undefined}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.products.empty')} />,
      }}
      columns={columns}
    />
  );
}

/**
 * 产品信息 of the form: only after the first save (before it, a note says so); 添加 opens the product form,
 * and each row can be changed or deleted while the application may be edited.
 */
export function ProductsSection({
  applicationId,
  products,
  editable,
  highlighted,
}: {
  applicationId: string | undefined;
  products: Product[];
  editable: boolean;
  highlighted?: boolean;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const del = useDeleteProduct(applicationId ?? '');

  return (
    <Card
      id={PRODUCTS_ANCHOR}
      title={t('apps.products.title')}
      style={
        highlighted ? { borderColor: '#ff4d4f', boxShadow: '0 0 0 2px rgba(255,77,79,0.15)' } : undefined
      }
      extra={
        applicationId &&
        editable && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('apps.products.add')}
          </Button>
        )
      }
    >
      {!applicationId ? (
        <Alert type="info" showIcon title={t('apps.products.saveFirst')} />
      ) : (
        <ProductsTable
          products={products}
          actions={
            editable
              ? (p) => (
                  <Space size={4}>
                    <Typography.Link onClick={() => setEditing(p)}>{t('common.edit')}</Typography.Link>
                    <Popconfirm
                      title={t('apps.product.deleteConfirm', { name: p.productName })}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        void (async () => {
                          try {
                            await del.mutateAsync(p.id);
                            void message.success(t('apps.product.deleted', { name: p.productName }));
                          } catch (err) {
                            void message.error(errorText(err, t));
                          }
                        })()
                      }
                    >
                      <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
                    </Popconfirm>
                  </Space>
                )
              : undefined
          }
        />
      )}
      {applicationId && editing && (
        <ProductFormModal
          applicationId={applicationId}
          product={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
