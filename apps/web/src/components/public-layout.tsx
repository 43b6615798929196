import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';
import './public-layout.css';

/**
 * The frame of the pages anyone may see: the issuer's strip with the language switch, the banner with the
 * system's name, the content, and the footer.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="pub">
      <div className="pub-topbar">
        <div className="pub-container">
          <span>{t('home.issuerLine')}</span>
          <span>
            <span style={{ marginRight: 12 }}>
              {dayjs().format(locale === 'zh-CN' ? 'YYYY年M月D日 dddd' : 'dddd, D MMMM YYYY')}
            </span>
            <Button
              size="small"
              type="text"
              icon={<GlobalOutlined />}
              onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
            >
              {t('app.language')}
            </Button>
          </span>
        </div>
      </div>
      <header className="pub-banner">
        <div className="pub-container">
          <Link to="/" className="pub-banner-link">
            <img className="pub-logo" src="/favicon.svg" alt="" />
            <div style={{ minWidth: 0 }}>
              <h1 className={locale === 'zh-CN' ? 'pub-title' : 'pub-title pub-title-en'}>{t('app.name')}</h1>
              <div className="pub-subtitle">{t('home.subtitle')}</div>
            </div>
          </Link>
        </div>
      </header>
      <main className="pub-main">
        <div className="pub-container">{children}</div>
      </main>
      <footer className="pub-footer">
        <div className="pub-container">
          <div>{t('home.footer.host')}</div>
          <div>{t('home.footer.browser')}</div>
        </div>
      </footer>
    </div>
  );
}
