import { Tooltip, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import '../../applications/components/applications.css';

/** 申请单位: the Chinese name, the code under it. */
export function OrganisationCell({ name, code }: { name: string; code: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div className="apps-clamp">{name}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {code}
      </Typography.Text>
    </div>
  );
}

/** 免办条款: code and name, two lines at most, the whole in a tooltip. */
export function ClauseText({ code, name }: { code: string; name: string }) {
  return (
    <Tooltip title={`${code} ${name}`}>
      <span className="apps-clamp">
        {code} {name}
      </span>
    </Tooltip>
  );
}

/** 产品: the first product's name and how many there are. */
export function ProductText({ name, count }: { name: string | null; count: number }) {
  const t = useT();
  if (count === 0) return <Typography.Text type="secondary">{t('apps.noProducts')}</Typography.Text>;
  return (
    <Tooltip title={name}>
      <span className="apps-clamp">
        {count > 1 ? t('apps.productSummary', { name: name ?? '', count }) : name}
      </span>
    </Tooltip>
  );
}
