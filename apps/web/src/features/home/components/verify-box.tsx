import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { VerifyForm } from '../../verification/components/verify-form';

/** 证明查询 on the home page: anyone checks a certificate by its number (and its code for the products). */
export function VerifyBox() {
  const t = useT();
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden style={{ color: '#a61d1d', marginRight: 8 }} />
          {t('verify.title')}
        </span>
      }
      extra={<Link to="/verify">{t('home.verify.help')}</Link>}
      styles={{ body: { paddingBottom: 12 } }}
    >
      <p style={{ margin: '0 0 12px', color: '#595959' }}>{t('home.verify.intro')}</p>
      <VerifyForm idPrefix="homeVerify" layout="inline" />
    </Card>
  );
}
