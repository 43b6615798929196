import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../lib/i18n';
import type { EnabledFilter } from '../api/reference-admin';

interface Filters {
  q?: string;
  enabled: EnabledFilter;
}

/** 关键字 + 状态 (全部 / 启用 / 停用), 查询 and 重置. */
export function RowsFilter({
  q,
  enabled,
  hasEnabled,
  placeholder,
  onSearch,
}: {
  q?: string;
  enabled: EnabledFilter;
  hasEnabled: boolean;
  placeholder: string;
  onSearch: (f: { q?: string; enabled: EnabledFilter }) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Filters>();

  // Another dataset, or the address changed: the fields follow.
  useEffect(() => {
    form.setFieldsValue({ q, enabled });
  }, [form, q, enabled]);

  return (
    <Form
      form={form}
      name="referenceFilter"
      layout="inline"
      initialValues={{ q, enabled }}
      onFinish={(v) => onSearch({ q: v.q?.trim() || undefined, enabled: v.enabled })}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="q" label={t('refadm.filter.keyword')}>
        <Input allowClear placeholder={placeholder} style={{ width: 240 }} />
      </Form.Item>
      {hasEnabled && (
        <Form.Item name="enabled" label={t('common.status')}>
          <Select
            style={{ width: 110 }}
            options={(['all', 'enabled', 'disabled'] as const).map((v) => ({
              value: v,
              label: t(`refadm.filter.${v}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue({ q: undefined, enabled: 'all' });
              onSearch({ q: undefined, enabled: 'all' });
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
