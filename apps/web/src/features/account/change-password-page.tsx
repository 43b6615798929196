import { LockOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input } from 'antd';
import { changePasswordBodySchema } from '@ccc/domain';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../lib/i18n';
import { applyServerErrors, zodRule } from '../../lib/zod-form';
import { useChangePassword, type ChangePasswordBody } from './api';
import { NewPasswordFields } from '../../components/new-password-fields';

/** 修改密码, for every role: the current password, then the new one twice. */
export function ChangePasswordPage() {
  const t = useT();
  const [form] = Form.useForm<ChangePasswordBody>();
  const change = useChangePassword();
  const { message } = AntApp.useApp();

  async function onFinish(values: ChangePasswordBody) {
    try {
      await change.mutateAsync(values);
      form.resetFields();
      void message.success(t('account.changed'));
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.passwordPolicy')} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
          style={{ maxWidth: 440, margin: '16px auto' }}
        >
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            required
            rules={[zodRule(changePasswordBodySchema, 'currentPassword', t)]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <NewPasswordFields
            schema={changePasswordBodySchema}
            passwordLabel={t('account.newPassword')}
            confirmLabel={t('account.confirmPassword')}
          />
          <Form.Item style={{ textAlign: 'center', marginTop: 8, marginBottom: 0 }}>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={change.isPending}
              style={{ minWidth: 140 }}
            >
              {t('common.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
