import { Breadcrumb, Button, Card, Result, Steps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PublicLayout } from '../../../components/public-layout';
import { useT } from '../../../lib/i18n';
import type { RegisterResult } from '../api/auth';
import { RegisterDeclaration } from './register-declaration';
import { RegisterForm } from './register-form';

type Step = { at: 'declaration' } | { at: 'form' } | { at: 'done'; result: RegisterResult; username: string };

/** 注册: 注册用户声明 first, then the form, then what happens next. */
export function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ at: 'declaration' });
  const current = step.at === 'declaration' ? 0 : step.at === 'form' ? 1 : 2;

  function show(next: Step) {
    setStep(next);
    window.scrollTo({ top: 0 });
  }

  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">{t('home.breadcrumb')}</Link> }, { title: t('register.title') }]}
      />
      <Card title={t('register.title')} styles={{ body: { padding: '24px 40px 40px' } }}>
        <Steps
          current={current}
          style={{ maxWidth: 720, margin: '8px auto 32px' }}
          items={[
            { title: t('register.step.declaration') },
            { title: t('register.step.form') },
            { title: t('register.step.done') },
          ]}
        />
        {step.at === 'declaration' && <RegisterDeclaration onAccept={() => show({ at: 'form' })} />}
        {step.at === 'form' && (
          <RegisterForm onDone={(result, username) => show({ at: 'done', result, username })} />
        )}
        {step.at === 'done' && (
          <Result
            status={step.result.status === 'pending' ? 'info' : 'success'}
            title={t(step.result.status === 'pending' ? 'register.done.pendingTitle' : 'register.done.title')}
            subTitle={
              step.result.status === 'pending'
                ? t('register.done.pending', { name: step.result.orgNameZh, username: step.username })
                : t('register.done.active', { name: step.result.orgNameZh, username: step.username })
            }
            extra={
              <Button type="primary" size="large" onClick={() => void navigate('/')}>
                {t('register.done.toLogin')}
              </Button>
            }
          />
        )}
      </Card>
    </PublicLayout>
  );
}
