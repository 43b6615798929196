import { App as AntApp, Alert, Form, Input, Modal } from 'antd';
import { officerPasswordBodySchema, type Officer } from '@ccc/domain';
import { z } from 'zod';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { useResetOfficerPassword } from '../api/officers';
import { errorText } from './error-text';

const resetSchema = officerPasswordBodySchema
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    message: 'v.password.mismatch',
    path: ['confirmPassword'],
  });

/** 重置密码: the administrator sets a new password and passes it on to the officer. */
export function ResetPasswordModal({
  officer,
  onClose,
}: {
  officer: Officer | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const reset = useResetOfficerPassword();
  const open = officer !== undefined;

  async function submit() {
    if (!officer) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const { password } = form.getFieldsValue(true) as { password: string };
    try {
      await reset.mutateAsync({ id: officer.id, password });
      void message.success(t('officers.passwordReset', { username: officer.username }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(errorText(err, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t('officers.resetPasswordTitle', { name: officer?.contactName ?? '' })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('officers.resetPasswordHint')} style={{ margin: '16px 0' }} />
      <Form form={form} name="resetPassword" layout="vertical" preserve={false} autoComplete="off">
        <Form.Item
          name="password"
          label={t('account.newPassword')}
          required
          rules={[zodRule(resetSchema, 'password', t)]}
          extra={t('account.passwordPolicy')}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          required
          dependencies={['password']}
          rules={[zodRule(resetSchema, 'confirmPassword', t)]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
