import { InfoCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import { PublicLayout } from '../../../components/public-layout';
import { useT } from '../../../lib/i18n';
import { VerifyForm } from './verify-form';
import './verification.css';

/** How to read a certificate for the check: where the number and the code are printed. */
export function VerifyHelp() {
  const t = useT();
  return (
    <Card
      title={
        <span>
          <InfoCircleOutlined aria-hidden style={{ color: '#1f5fae', marginRight: 8 }} />
          {t('verify.help.title')}
        </span>
      }
    >
      <ul className="verify-help">
        <li>{t('verify.help.number')}</li>
        <li>{t('verify.help.code')}</li>
        <li>{t('verify.help.qr')}</li>
        <li>{t('verify.help.status')}</li>
        <li>{t('verify.help.limit')}</li>
      </ul>
    </Card>
  );
}

/** /verify: 证明查询 for anyone, without login. */
export function VerifyPage() {
  const t = useT();
  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">{t('home.breadcrumb')}</Link> }, { title: t('verify.title') }]}
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} md={10}>
          <Card
            title={
              <span>
                <SafetyCertificateOutlined aria-hidden style={{ color: '#a61d1d', marginRight: 8 }} />
                {t('verify.title')}
              </span>
            }
          >
            <p style={{ marginTop: 0, color: '#595959' }}>{t('verify.intro')}</p>
            <VerifyForm idPrefix="verifyPage" />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <VerifyHelp />
        </Col>
      </Row>
    </PublicLayout>
  );
}
