import { Alert, App as AntApp, Button, Col, Form, Input, Row, Space } from 'antd';
import { normaliseOrgCode, orgCodeProblem, registerBodySchema, type RegisterBody } from '@ccc/domain';
import { useState, type ReactNode } from 'react';
import { DivisionCascader } from '../../../components/division-cascader';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { lookupOrganisation, useRegister, type RegisterResult } from '../api/auth';

type Values = Omit<RegisterBody, 'acceptDeclaration'>;
type Field = keyof Values;

type Lookup =
  | { state: 'idle' }
  | { state: 'checking'; code: string }
  | { state: 'new'; code: string }
  | { state: 'exists'; code: string; name: string };

/** The fields that belong to the organisation: an existing organisation's are neither shown nor sent. */
const orgFields = ['orgNameEn', 'divisionCode', 'orgAddress', 'orgPostcode', 'orgRemark'] as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <div className="form-section-title">{title}</div>
      <Row gutter={24}>{children}</Row>
    </>
  );
}

/** 注册: the registration form, validated with the server's own schema; 注册 and 重填. */
export function RegisterForm({ onDone }: { onDone: (result: RegisterResult, username: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const { message } = AntApp.useApp();
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const joining = lookup.state === 'exists';

  const rule = (field: Field) => zodRule(registerBodySchema, field, t);
  // The schema checks the organisation's required fields only once the rest is valid (they may be left
  // out when joining): say "required" at once, like for every other field.
  const requiredRule = (field: Field) => ({
    required: true,
    whitespace: true,
    message: t(field === 'divisionCode' ? 'v.division' : 'v.required'),
  });
  const item = (
    field: Field,
    label: string,
    input: ReactNode,
    opts: { required?: boolean; extra?: ReactNode } = {},
  ) => (
    <Form.Item
      name={field}
      label={label}
      required={opts.required ?? true}
      rules={opts.required === false ? [rule(field)] : [requiredRule(field), rule(field)]}
      extra={opts.extra}
      validateFirst
    >
      {input}
    </Form.Item>
  );

  async function checkOrganisation() {
    const raw = (form.getFieldValue('orgCode') as string | undefined) ?? '';
    const code = normaliseOrgCode(raw);
    if (code !== raw) form.setFieldValue('orgCode', code);
    if (!code || orgCodeProblem(code)) return setLookup({ state: 'idle' });
    if (lookup.state !== 'idle' && lookup.code === code) return;
    setLookup({ state: 'checking', code });
    try {
      const r = await lookupOrganisation(code);
      if (r.exists) {
        setLookup({ state: 'exists', code, name: r.orgNameZh ?? '' });
        form.setFieldValue('orgNameZh', r.orgNameZh ?? '');
        void form.validateFields(['orgNameZh']).catch(() => undefined);
      } else setLookup({ state: 'new', code });
    } catch {
      // The lookup is a convenience: registration decides anyway, on the server.
      setLookup({ state: 'idle' });
    }
  }

  function onCodeChange(value: string) {
    if (lookup.state === 'idle' || normaliseOrgCode(value) === lookup.code) return;
    if (lookup.state === 'exists') form.setFieldValue('orgNameZh', '');
    setLookup({ state: 'idle' });
  }

  async function onFinish() {
    setError(null);
    const values = form.getFieldsValue(true) as Values;
    const body: RegisterBody = { ...values, acceptDeclaration: true };
    if (joining) {
      // The organisation's fields stay as registered: none is sent, the name shown is only for reading.
      for (const f of [...orgFields, 'orgNameZh'] as const) delete body[f];
      body.joinExisting = true;
    }
    try {
      const result = await register.mutateAsync(body);
      onDone(result, values.username);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      // The code was not registered after all: the organisation's fields are needed, so show them.
      if (
        joining &&
        err instanceof ApiError &&
        err.fields.some((f) => (orgFields as readonly string[]).includes(f.path) || f.path === 'orgNameZh')
      ) {
        setLookup({ state: 'new', code: lookup.code });
        form.setFieldValue('orgNameZh', '');
        setError(text);
        return;
      }
      if (!applyServerErrors(form, err)) setError(text);
      else void message.error(text);
    }
  }

  function reset() {
    form.resetFields();
    setLookup({ state: 'idle' });
    setError(null);
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={() => void onFinish()}
      scrollToFirstError={{ block: 'center' }}
      style={{ maxWidth: 960, margin: '0 auto' }}
    >
      <Alert type="info" showIcon title={t('register.form.hint')} style={{ marginBottom: 20 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 20 }} role="alert" />}

      <Section title={t('register.section.account')}>
        <Col span={12}>
          {item('username', t('register.username'), <Input autoComplete="username" maxLength={32} />, {
            extra: t('register.username.extra'),
          })}
        </Col>
        <Col span={12} />
        <Col span={12}>
          {item(
            'password',
            t('register.password'),
            <Input.Password autoComplete="new-password" maxLength={128} />,
            {
              extra: t('register.password.extra'),
            },
          )}
        </Col>
        <Col span={12}>
          <Form.Item
            name="confirmPassword"
            label={t('register.confirmPassword')}
            required
            dependencies={['password']}
            validateFirst
            rules={[
              { required: true, message: t('v.required') },
              ({ getFieldValue }) => ({
                validator: async (_, v: string) => {
                  if (v && v !== getFieldValue('password')) throw new Error(t('v.password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        </Col>
      </Section>

      <Section title={t('register.section.organisation')}>
        <Col span={12}>
          <Form.Item
            name="orgCode"
            label={t('register.orgCode')}
            required
            rules={[rule('orgCode')]}
            validateTrigger={['onChange', 'onBlur']}
            extra={t('register.orgCode.extra')}
            hasFeedback={lookup.state !== 'idle'}
            validateStatus={lookup.state === 'checking' ? 'validating' : undefined}
          >
            <Input
              maxLength={24}
              onBlur={() => void checkOrganisation()}
              onChange={(e) => onCodeChange(e.target.value)}
              style={{ textTransform: 'uppercase' }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {item(
            'orgNameZh',
            t('register.orgNameZh'),
            <Input maxLength={200} readOnly={joining} variant={joining ? 'filled' : undefined} />,
          )}
        </Col>
        {joining && (
          <Col span={24}>
            <Alert
              type="warning"
              showIcon
              role="status"
              title={t('register.joining.title', { name: lookup.name })}
              description={t('register.joining.description')}
              style={{ marginBottom: 24 }}
            />
          </Col>
        )}
        {!joining && (
          <>
            <Col span={12}>
              {item('orgNameEn', t('register.orgNameEn'), <Input maxLength={300} />, {
                required: false,
                extra: t('register.orgNameEn.extra'),
              })}
            </Col>
            <Col span={12}>{item('divisionCode', t('register.division'), <DivisionCascader />)}</Col>
            <Col span={18}>{item('orgAddress', t('register.orgAddress'), <Input maxLength={300} />)}</Col>
            <Col span={6}>
              {item('orgPostcode', t('register.orgPostcode'), <Input maxLength={6} inputMode="numeric" />)}
            </Col>
            <Col span={24}>
              {item(
                'orgRemark',
                t('register.orgRemark'),
                <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />,
                { required: false },
              )}
            </Col>
            <Col span={24}>
              <Alert type="info" showIcon title={t('register.orgShared')} style={{ marginBottom: 24 }} />
            </Col>
          </>
        )}
      </Section>

      <Section title={t('register.section.contact')}>
        <Col span={12}>{item('contactName', t('register.contactName'), <Input maxLength={50} />)}</Col>
        <Col span={12}>{item('mobile', t('register.mobile'), <Input maxLength={11} inputMode="tel" />)}</Col>
        <Col span={12}>
          {item('email', t('register.email'), <Input maxLength={254} type="email" />, {
            extra: t('register.email.extra'),
          })}
        </Col>
        <Col span={12} />
        <Col span={12}>
          {item('phone', t('register.phone'), <Input maxLength={30} />, { required: false })}
        </Col>
        <Col span={12}>{item('fax', t('register.fax'), <Input maxLength={30} />, { required: false })}</Col>
      </Section>

      <Space size="middle" style={{ display: 'flex', justifyContent: 'center', marginTop: 8 }}>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={register.isPending}
          style={{ minWidth: 120 }}
        >
          {t('register.submit')}
        </Button>
        <Button size="large" onClick={reset} style={{ minWidth: 120 }}>
          {t('register.reset')}
        </Button>
      </Space>
    </Form>
  );
}
