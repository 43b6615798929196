import { Alert, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../lib/i18n';
import { useBureausForDivision } from '../api/reference';

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** 申请单位所在地: the bureaus covering it are offered. */
  division?: string;
  /** After the first save the bureau is part of the number: shown, not chosen. */
  fixedName?: string;
}

const levelKey = {
  province: 'apps.bureau.level.province',
  city: 'apps.bureau.level.city',
  district: 'apps.bureau.level.district',
  zone: 'apps.bureau.level.zone',
} as const;

/**
 * 受理市场监督管理局: the bureaus whose jurisdiction covers the applicant's location, the most specific
 * first; exactly one is chosen (the most specific one to begin with). Offered again when the location
 * changes.
 */
export function BureauField({ id, value, onChange, division, fixedName }: Props) {
  const t = useT();
  const fixed = fixedName !== undefined;
  const bureaus = useBureausForDivision(fixed ? undefined : division);
  const items = bureaus.data?.items;

  useEffect(() => {
    if (fixed || !items) return;
    if (items.length === 0) {
      if (value) onChange?.(undefined);
    } else if (!value || !items.some((b) => b.code === value)) {
      onChange?.(items[0]!.code);
    }
  }, [fixed, items, value, onChange]);

  if (fixed) {
    return (
      <Typography.Text id={id} strong>
        {fixedName}
      </Typography.Text>
    );
  }
  if (!division) return <Typography.Text type="secondary">{t('apps.bureau.chooseLocation')}</Typography.Text>;
  if (bureaus.isPending) return <Spin size="small" />;
  if (bureaus.isError) return <Alert type="error" showIcon title={bureaus.error.message} />;
  if (!items?.length) return <Alert type="warning" showIcon title={t('apps.bureau.none')} />;
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as string)}>
      <Space orientation="vertical" size={6}>
        {items.map((b) => (
          <Radio key={b.code} value={b.code}>
            {b.name}
            <Tag style={{ marginInlineStart: 8 }}>{t(levelKey[b.level])}</Tag>
            {b.phone && (
              <Typography.Text type="secondary">{t('apps.bureau.phone', { phone: b.phone })}</Typography.Text>
            )}
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}
