import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../lib/i18n';
import { useBureaus } from '../api/officers';

/** 所属市场监督管理局: every enabled bureau, searchable by name or code. */
export function BureauSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'>) {
  const t = useT();
  const bureaus = useBureaus();
  const options = useMemo(
    () =>
      (bureaus.data?.items ?? [])
        .filter((b) => b.enabled)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((b) => ({ value: b.code, label: `${b.name}（${b.code}）` })),
    [bureaus.data],
  );
  return (
    <Select<string>
      placeholder={t('officers.bureauPlaceholder')}
      {...props}
      options={options}
      loading={bureaus.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={bureaus.isError ? t('e.INTERNAL') : undefined}
    />
  );
}
