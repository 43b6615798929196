import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Form, Space, type FormInstance } from 'antd';
import { useT } from '../lib/i18n';

/**
 * The 查询 and 重置 buttons of a query form: 查询 submits it; 重置 empties every field (not back to the
 * initial values, which reflect the query in the address) and then calls `onReset` to search with nothing.
 */
export function QueryButtons({ form, onReset }: { form: FormInstance; onReset: () => void }) {
  const t = useT();
  return (
    <Form.Item label=" " colon={false}>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t('common.search')}
        </Button>
        <Button
          icon={<UndoOutlined aria-hidden />}
          onClick={() => {
            const fields = Object.keys(form.getFieldsValue(true) as Record<string, unknown>);
            form.setFieldsValue(Object.fromEntries(fields.map((name) => [name, undefined])));
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}
