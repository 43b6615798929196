import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import type { DivisionNode } from '@ccc/domain';
import { useMemo } from 'react';
import { api } from '../lib/api-client';
import { useT } from '../lib/i18n';

export const divisionsQueryKey = ['reference', 'divisions'] as const;

/** The administrative divisions (province → city → county); they change rarely, so they are kept. */
export function useDivisions() {
  return useQuery({
    queryKey: divisionsQueryKey,
    queryFn: () => api.get<{ items: DivisionNode[] }>('/api/reference/divisions'),
    staleTime: Infinity,
  });
}

/** Every code with the codes from its province down to itself. */
function pathsByCode(tree: DivisionNode[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const walk = (nodes: DivisionNode[], prefix: string[]) => {
    for (const n of nodes) {
      const path = [...prefix, n.code];
      map.set(n.code, path);
      if (n.children?.length) walk(n.children, path);
    }
  };
  walk(tree, []);
  return map;
}

interface Props {
  id?: string;
  /** The chosen division's 6-digit code (GB/T 2260), as the API stores it. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  disabled?: boolean;
  status?: 'error' | 'warning';
}

/** 所在地区: a province/city/county cascader whose form value is the chosen division's code. */
export function DivisionCascader({ id, value, onChange, disabled, status }: Props) {
  const t = useT();
  const divisions = useDivisions();
  const items = divisions.data?.items;
  const paths = useMemo(() => pathsByCode(items ?? []), [items]);
  const path = value ? paths.get(value) : undefined;
  return (
    <Cascader<DivisionNode>
      id={id}
      options={items ?? []}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={path}
      onChange={(codes) => {
        const last: unknown = codes?.[codes.length - 1];
        onChange?.(typeof last === 'string' ? last : undefined);
      }}
      loading={divisions.isPending}
      disabled={disabled}
      status={status}
      placeholder={t('register.divisionPlaceholder')}
      notFoundContent={divisions.isError ? divisions.error.message : undefined}
      showSearch={{
        filter: (input, options) => options.some((o) => o.name.includes(input.trim())),
        limit: 50,
      }}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
