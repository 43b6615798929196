import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n';

const paragraphs = [1, 2, 3, 4, 5, 6, 7] as const;

/** 注册用户声明: it must be accepted before the registration form opens. */
export function RegisterDeclaration({ onAccept }: { onAccept: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [checked, setChecked] = useState(false);
  return (
    <section aria-labelledby="declaration-title">
      <Typography.Title id="declaration-title" level={4} style={{ textAlign: 'center', marginBottom: 16 }}>
        {t('register.declaration.title')}
      </Typography.Title>
      <div className="declaration-text" tabIndex={0}>
        {paragraphs.map((n) => (
          <p key={n}>{t(`register.declaration.p${n}`)}</p>
        ))}
      </div>
      <div style={{ textAlign: 'center', marginTop: 20 }}>
        <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
          {t('register.declaration.accept')}
        </Checkbox>
      </div>
      <Space size="middle" style={{ display: 'flex', justifyContent: 'center', marginTop: 20 }}>
        <Button type="primary" size="large" disabled={!checked} onClick={onAccept}>
          {t('register.declaration.continue')}
        </Button>
        <Button size="large" onClick={() => void navigate('/')}>
          {t('app.backHome')}
        </Button>
      </Space>
    </section>
  );
}
