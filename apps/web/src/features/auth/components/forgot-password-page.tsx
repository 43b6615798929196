import { MailOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Result, Space, Steps } from 'antd';
import { forgotPasswordBodySchema, resetPasswordBodySchema } from '@ccc/domain';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PublicLayout } from '../../../components/public-layout';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { useForgotPassword, useResetPassword, type ForgotPasswordBody } from '../api/auth';
import { NewPasswordFields } from '../../../components/new-password-fields';

/** The server sends at most one code a minute. */
const RESEND_SECONDS = 60;

function retryAfterOf(err: unknown): number | null {
  const v = err instanceof ApiError ? err.details.retryAfter : undefined;
  return typeof v === 'number' && v > 0 ? Math.ceil(v) : null;
}

function useCountdown() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return [seconds, setSeconds] as const;
}

interface ResetValues {
  code: string;
  password: string;
  confirmPassword: string;
}

/** 忘记密码: user name and e-mail → a 6-digit code by mail → a new password. */
export function ForgotPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [identity, setIdentity] = useState<ForgotPasswordBody | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [countdown, setCountdown] = useCountdown();
  const [askForm] = Form.useForm<ForgotPasswordBody>();
  const [resetForm] = Form.useForm<ResetValues>();
  const forgot = useForgotPassword();
  const reset = useResetPassword();
  const current = done ? 2 : identity ? 1 : 0;

  async function sendCode(body: ForgotPasswordBody) {
    setError(null);
    try {
      await forgot.mutateAsync(body);
      setIdentity(body);
      setCountdown(RESEND_SECONDS);
    } catch (err) {
      const wait = retryAfterOf(err);
      if (wait) setCountdown(wait);
      if (!applyServerErrors(askForm, err)) setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function onReset(values: ResetValues) {
    if (!identity) return;
    setError(null);
    try {
      await reset.mutateAsync({ ...identity, ...values });
      setDone(true);
    } catch (err) {
      if (!applyServerErrors(resetForm, err)) setError(err instanceof Error ? err.message : String(err));
    }
  }

  function startOver() {
    setIdentity(null);
    setError(null);
    resetForm.resetFields();
  }

  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">{t('home.breadcrumb')}</Link> }, { title: t('forgot.title') }]}
      />
      <Card title={t('forgot.title')} styles={{ body: { padding: '24px 40px 40px' } }}>
        <Steps
          current={current}
          style={{ maxWidth: 720, margin: '8px auto 32px' }}
          items={[
            { title: t('forgot.step.identity') },
            { title: t('forgot.step.reset') },
            { title: t('forgot.step.done') },
          ]}
        />
        <div style={{ maxWidth: 480, margin: '0 auto' }}>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 20 }} />}

          {current === 0 && (
            <Form form={askForm} layout="vertical" onFinish={(v) => void sendCode(v)}>
              <Alert type="info" showIcon title={t('forgot.intro')} style={{ marginBottom: 20 }} />
              <Form.Item
                name="username"
                label={t('forgot.username')}
                required
                rules={[zodRule(forgotPasswordBodySchema, 'username', t)]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
              </Form.Item>
              <Form.Item
                name="email"
                label={t('forgot.email')}
                required
                rules={[zodRule(forgotPasswordBodySchema, 'email', t)]}
                extra={t('forgot.email.extra')}
              >
                <Input prefix={<MailOutlined />} type="email" autoComplete="email" maxLength={254} />
              </Form.Item>
              <Space size="middle" style={{ display: 'flex', justifyContent: 'center' }}>
                <Button
                  type="primary"
                  htmlType="submit"
                  size="large"
                  loading={forgot.isPending}
                  disabled={countdown > 0}
                  style={{ minWidth: 120 }}
                >
                  {countdown > 0 ? t('forgot.waitSeconds', { seconds: countdown }) : t('common.submit')}
                </Button>
                <Button size="large" onClick={() => void navigate('/')} style={{ minWidth: 120 }}>
                  {t('common.back')}
                </Button>
              </Space>
            </Form>
          )}

          {current === 1 && identity && (
            <Form
              form={resetForm}
              layout="vertical"
              onFinish={(v) => void onReset(v)}
              initialValues={{ username: identity.username, email: identity.email }}
            >
              <Alert
                type="success"
                showIcon
                title={t('forgot.sent')}
                style={{ marginBottom: 20 }}
                role="status"
              />
              <Descriptions
                column={1}
                size="small"
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'u', label: t('forgot.username'), children: identity.username },
                  { key: 'e', label: t('forgot.email'), children: identity.email },
                ]}
              />
              <Form.Item label={t('forgot.code')} required>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Form.Item name="code" noStyle rules={[zodRule(resetPasswordBodySchema, 'code', t)]}>
                    <Input
                      prefix={<SafetyOutlined />}
                      aria-label={t('forgot.code')}
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      maxLength={6}
                      style={{ flex: 1 }}
                    />
                  </Form.Item>
                  <Button
                    disabled={countdown > 0}
                    loading={forgot.isPending}
                    onClick={() => void sendCode(identity)}
                    style={{ flex: 'none', minWidth: 128 }}
                  >
                    {countdown > 0 ? t('forgot.resendIn', { seconds: countdown }) : t('forgot.resend')}
                  </Button>
                </div>
              </Form.Item>
              <NewPasswordFields
                schema={resetPasswordBodySchema}
                passwordLabel={t('forgot.newPassword')}
                confirmLabel={t('forgot.confirmPassword')}
              />
              <Space size="middle" style={{ display: 'flex', justifyContent: 'center' }}>
                <Button
                  type="primary"
                  htmlType="submit"
                  size="large"
                  loading={reset.isPending}
                  style={{ minWidth: 120 }}
                >
                  {t('common.submit')}
                </Button>
                <Button size="large" onClick={startOver} style={{ minWidth: 120 }}>
                  {t('forgot.previous')}
                </Button>
              </Space>
            </Form>
          )}

          {current === 2 && (
            <Result
              status="success"
              title={t('forgot.done.title')}
              subTitle={t('forgot.done.description')}
              extra={
                <Button type="primary" size="large" onClick={() => void navigate('/')}>
                  {t('forgot.done.toLogin')}
                </Button>
              }
            />
          )}
        </div>
      </Card>
    </PublicLayout>
  );
}
