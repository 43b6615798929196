import { LockOutlined, ReloadOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Spin, Tooltip } from 'antd';
import { loginBodySchema, type SessionUser } from '@ccc/domain';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { homeOfRole } from '../../../app/require-role';
import { sessionQueryKey, useSession } from '../../../app/session';
import { ApiError } from '../../../lib/api-client';
import { useT, type TFunction } from '../../../lib/i18n';
import { zodRule } from '../../../lib/zod-form';
import { useCaptcha, useLogin } from '../api/auth';

interface LoginValues {
  username: string;
  password: string;
  captchaAnswer?: string;
}

/** "上次登录：time, IP" (or the first-login note), shown once right after logging in. */
export function lastLoginText(t: TFunction, user: SessionUser): string {
  if (!user.lastLoginAt) return t('app.firstLogin');
  return t('app.lastLogin', {
    time: dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm:ss'),
    ip: user.lastLoginIp ?? '-',
  });
}

/** The 用户登录 box of the home page: user name, password, image captcha when required, 注册 and 忘记密码. */
export function LoginBox() {
  const t = useT();
  const [form] = Form.useForm<LoginValues>();
  const session = useSession();
  const captchaRequired = session.data?.captchaRequired ?? false;
  const captcha = useCaptcha(captchaRequired);
  const login = useLogin();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<ApiError | Error | null>(null);

  async function onFinish(values: LoginValues) {
    setError(null);
    try {
      const res = await login.mutateAsync({
        username: values.username,
        password: values.password,
        ...(captchaRequired && captcha.data
          ? { captchaId: captcha.data.id, captchaAnswer: values.captchaAnswer ?? '' }
          : {}),
      });
      const user = res.user!;
      void message.open({ type: 'info', content: lastLoginText(t, user), duration: 8 });
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from && from !== '/' ? from : homeOfRole[user.role], { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      form.setFieldsValue({ password: '', captchaAnswer: '' });
      // A failed attempt may switch the captcha on, and a used challenge is gone: ask again.
      await qc.invalidateQueries({ queryKey: sessionQueryKey });
      if (captchaRequired) void captcha.refetch();
    }
  }

  const alertType = error instanceof ApiError && error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error';

  return (
    <Card
      title={
        <span>
          <UserOutlined style={{ color: '#a61d1d', marginRight: 8 }} />
          {t('auth.login.title')}
        </span>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
        {error && (
          <Alert
            type={alertType}
            showIcon
            title={error.message}
            style={{ marginBottom: 16 }}
            role="alert"
            closable={{ onClose: () => setError(null) }}
          />
        )}
        <Form.Item
          label={t('auth.login.username')}
          name="username"
          rules={[zodRule(loginBodySchema, 'username', t)]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t('auth.login.password')}
          name="password"
          rules={[zodRule(loginBodySchema, 'password', t)]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        {captchaRequired && (
          <Form.Item label={t('auth.login.captcha')} required>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item
                name="captchaAnswer"
                noStyle
                rules={[{ required: true, whitespace: true, message: t('v.captcha') }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  aria-label={t('auth.login.captcha')}
                  autoComplete="off"
                  maxLength={16}
                  style={{ flex: 1 }}
                />
              </Form.Item>
              <Tooltip title={t('auth.login.captchaRefresh')}>
                <button
                  type="button"
                  onClick={() => void captcha.refetch()}
                  aria-label={t('auth.login.captchaRefresh')}
                  style={{
                    width: 112,
                    height: 32,
                    padding: 0,
                    border: '1px solid #d9d9d9',
                    borderRadius: 4,
                    background: '#fff',
                    cursor: 'pointer',
                    flex: 'none',
                  }}
                >
                  {captcha.data && !captcha.isFetching ? (
                    <img
                      src={captcha.data.image}
                      alt={t('auth.login.captchaImage')}
                      style={{ width: '100%', height: '100%', display: 'block' }}
                    />
                  ) : captcha.isError ? (
                    <ReloadOutlined />
                  ) : (
                    <Spin size="small" />
                  )}
                </button>
              </Tooltip>
            </div>
          </Form.Item>
        )}
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Link to="/register">{t('auth.login.register')}</Link>
          <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
        </div>
      </Form>
    </Card>
  );
}
