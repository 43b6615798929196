import { LockOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import type { z } from 'zod';
import { useT } from '../lib/i18n';
import { zodRule } from '../lib/zod-form';

/**
 * 新密码 and 确认新密码: the password policy from the form's shared schema, and the match checked on its
 * own (the schema's refinement only runs once every other field is valid).
 */
export function NewPasswordFields({
  schema,
  passwordLabel,
  confirmLabel,
}: {
  schema: z.ZodType;
  passwordLabel: string;
  confirmLabel: string;
}) {
  const t = useT();
  return (
    <>
      <Form.Item
        name="password"
        label={passwordLabel}
        required
        rules={[zodRule(schema, 'password', t)]}
        extra={t('register.password.extra')}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={confirmLabel}
        required
        dependencies={['password']}
        rules={[
          { required: true, message: t('v.required') },
          ({ getFieldValue }) => ({
            validator: async (_, v: string) => {
              if (v && v !== getFieldValue('password')) throw new Error(t('v.password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
