import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, InputNumber, Space, Typography } from 'antd';
import { saveServiceLevelBodySchema, type SaveServiceLevelBody, type ServiceLevel } from '@ccc/domain';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { useT } from '../../../lib/i18n';
import { useSaveServiceLevel, useServiceLevels } from '../api/calendar';
import { errorText } from '../components/error-text';
import { RowEditableTable, type RowErrors } from '../components/row-editable-table';

type Field = 'acceptDays' | 'decideDays';

/**
 * 服务时限: each bureau's 受理时限 (accept or return) and 办结时限 (decide) in working days, saved per row;
 * the inbox clocks count against them.
 */
export function ServiceLevelsPage() {
  const t = useT();
  const levels = useServiceLevels();
  const save = useSaveServiceLevel();
  const [keyword, setKeyword] = useState('');

  const rows = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    const all = levels.data?.items ?? [];
    return k ? all.filter((r) => r.bureauName.toLowerCase().includes(k) || r.bureauCode.includes(k)) : all;
  }, [levels.data, keyword]);

  return (
    <>
      <PageHeader title={t('serviceLevelsAdmin.title')} description={t('serviceLevelsAdmin.description')} />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label={t('serviceLevelsAdmin.search')}
            placeholder={t('serviceLevelsAdmin.search')}
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            style={{ width: 320 }}
          />
          <Typography.Text type="secondary">{t('serviceLevelsAdmin.defaults')}</Typography.Text>
        </Space>
        {levels.isError ? (
          <Alert type="error" showIcon title={errorText(levels.error, t)} />
        ) : (
          <RowEditableTable<ServiceLevel, Field, SaveServiceLevelBody>
            rowKey="bureauCode"
            idPrefix="sl"
            rows={rows}
            loading={levels.isPending}
            pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
            emptyText={t('serviceLevelsAdmin.empty')}
            head={{
              title: t('serviceLevelsAdmin.col.bureau'),
              key: 'bureau',
              render: (r) => (
                <>
                  <span>{r.bureauName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 8 }}>
                    {r.bureauCode}
                  </Typography.Text>
                </>
              ),
            }}
            fields={(['acceptDays', 'decideDays'] as const).map((f) => ({
              field: f,
              title: t(`serviceLevelsAdmin.col.${f}`),
              width: 200,
              render: (r, cell) => (
                <InputNumber
                  value={cell.value}
                  min={1}
                  max={60}
                  precision={0}
                  step={1}
                  status={cell.error ? 'error' : undefined}
                  aria-label={`${r.bureauName} ${t(`serviceLevelsAdmin.col.${f}`)}`}
                  aria-invalid={!!cell.error}
                  aria-describedby={cell.error ? cell.errorId : undefined}
                  onChange={(v) => cell.onChange(typeof v === 'number' ? v : null)}
                  onPressEnter={cell.save}
                  style={{ width: 110 }}
                />
              ),
            }))}
            actions={{
              width: 200,
              discardText: t('serviceLevelsAdmin.discard'),
              saveLabel: (r) => t('serviceLevelsAdmin.aria.save', { bureau: r.bureauName }),
              discardLabel: (r) => t('serviceLevelsAdmin.aria.discard', { bureau: r.bureauName }),
            }}
            validate={(_, values) => {
              const parsed = saveServiceLevelBodySchema.safeParse(values);
              if (parsed.success) return { body: parsed.data };
              const errors: RowErrors<Field> = {};
              for (const issue of parsed.error.issues) {
                const f = issue.path[0] as Field;
                errors[f] ??= values[f] === null ? t('v.required') : t(issue.message);
              }
              return { errors };
            }}
            onSave={async (r, body) => {
              const saved = await save.mutateAsync({ bureauCode: r.bureauCode, body });
              return t('serviceLevelsAdmin.saved', {
                bureau: saved.bureauName,
                accept: saved.acceptDays,
                decide: saved.decideDays,
              });
            }}
          />
        )}
      </Card>
    </>
  );
}
