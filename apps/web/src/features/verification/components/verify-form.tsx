import { KeyOutlined, NumberOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n';
import {
  isVerificationCode,
  normaliseCertificateNumber,
  normaliseVerificationCode,
  verifyPath,
} from '../api/verification';

interface VerifyValues {
  number: string;
  code?: string;
}

/**
 * 证明查询: 证明号 (13 characters, checked here before asking the server) and the optional 验证码; 查询 opens
 * /verify/<number>?code=… . `onSameQuery` runs instead when the visitor asks again for what is shown.
 */
export function VerifyForm({
  layout = 'vertical',
  initialNumber = '',
  initialCode = '',
  onSameQuery,
  idPrefix = 'verify',
}: {
  layout?: 'vertical' | 'inline';
  initialNumber?: string;
  initialCode?: string;
  onSameQuery?: () => void;
  /** Keeps field ids unique when two forms are on one page. */
  idPrefix?: string;
}) {
  const t = useT();
  const [form] = Form.useForm<VerifyValues>();
  const navigate = useNavigate();

  useEffect(() => {
    form.setFieldsValue({ number: initialNumber, code: initialCode });
  }, [form, initialNumber, initialCode]);

  function onFinish(values: VerifyValues) {
    const number = normaliseCertificateNumber(values.number)!;
    const code = normaliseVerificationCode(values.code);
    form.setFieldsValue({ number, code });
    if (onSameQuery && number === initialNumber.trim().toUpperCase() && code === initialCode) onSameQuery();
    else void navigate(verifyPath(number, code));
  }

  const inline = layout === 'inline';
  return (
    <Form
      form={form}
      name={idPrefix}
      layout="vertical"
      requiredMark={false}
      initialValues={{ number: initialNumber, code: initialCode }}
      onFinish={onFinish}
      style={
        inline ? { display: 'flex', flexWrap: 'wrap', gap: '0 16px', alignItems: 'flex-start' } : undefined
      }
    >
      <Form.Item
        label={t('verify.number')}
        name="number"
        required
        validateFirst
        style={inline ? { flex: '1 1 240px', marginBottom: 12 } : undefined}
        rules={[
          { required: true, whitespace: true, message: t('verify.number.required') },
          {
            validator: async (_, v: string | undefined) => {
              if (v && !normaliseCertificateNumber(v)) throw new Error(t('verify.number.invalid'));
            },
          },
        ]}
      >
        <Input
          prefix={<NumberOutlined aria-hidden />}
          placeholder={t('verify.number.placeholder')}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          allowClear
          style={{ textTransform: 'uppercase' }}
        />
      </Form.Item>
      <Form.Item
        label={t('verify.code')}
        name="code"
        style={inline ? { flex: '1 1 200px', marginBottom: 12 } : undefined}
        extra={inline ? undefined : t('verify.code.extra')}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              const code = normaliseVerificationCode(v);
              if (code && !isVerificationCode(code)) throw new Error(t('verify.code.invalid'));
            },
          },
        ]}
      >
        <Input
          prefix={<KeyOutlined aria-hidden />}
          placeholder={t('verify.code.placeholder')}
          maxLength={12}
          autoComplete="off"
          spellCheck={false}
          allowClear
          style={{ textTransform: 'uppercase' }}
        />
      </Form.Item>
      <Form.Item
        label={inline ? <span aria-hidden>&nbsp;</span> : undefined}
        colon={false}
        style={inline ? { flex: 'none', marginBottom: 12 } : { marginBottom: 0 }}
      >
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined aria-hidden />}
          block={!inline}
          size={inline ? 'middle' : 'large'}
        >
          {t('verify.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
