import { SaveOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { saveServiceLevelBodySchema, type ServiceLevel } from '@ccc/domain';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { useSaveServiceLevel, useServiceLevels } from '../api/calendar';
import { errorText } from '../components/error-text';

type Field = 'acceptDays' | 'decideDays';
type Edit = Partial<Record<Field, number | null>>;
type RowErrors = Partial<Record<Field | 'row', string>>;

/** One of the two limits of a row: the number, and under it the row's error for that field. */
function DaysInput({
  row,
  field,
  value,
  error,
  label,
  onChange,
  onEnter,
}: {
  row: ServiceLevel;
  field: Field;
  value: number | null;
  error: string | undefined;
  label: string;
  onChange: (v: number | null) => void;
  onEnter: () => void;
}) {
  const errorId = `sl-${row.bureauCode}-${field}-error`;
  return (
    <div>
      <InputNumber
        value={value}
        min={1}
        max={60}
        precision={0}
        step={1}
        status={error ? 'error' : undefined}
        aria-label={`${row.bureauName} ${label}`}
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        onPressEnter={onEnter}
        style={{ width: 110 }}
      />
      {error && (
        <div id={errorId} style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * 服务时限: each bureau's 受理时限 (accept or return) and 办结时限 (decide) in working days, saved per row;
 * the inbox clocks count against them.
 */
export function ServiceLevelsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const levels = useServiceLevels();
  const save = useSaveServiceLevel();
  const [keyword, setKeyword] = useState('');
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const rows = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    const all = levels.data?.items ?? [];
    return k ? all.filter((r) => r.bureauName.toLowerCase().includes(k) || r.bureauCode.includes(k)) : all;
  }, [levels.data, keyword]);

  const valueOf = (r: ServiceLevel, f: Field): number | null => {
    const e = edits[r.bureauCode];
    return e && f in e ? (e[f] ?? null) : r[f];
  };
  const changed = (r: ServiceLevel) =>
    valueOf(r, 'acceptDays') !== r.acceptDays || valueOf(r, 'decideDays') !== r.decideDays;

  function setValue(r: ServiceLevel, f: Field, v: number | null) {
    setEdits((all) => ({ ...all, [r.bureauCode]: { ...all[r.bureauCode], [f]: v } }));
    setErrors((all) => ({ ...all, [r.bureauCode]: {} }));
  }

  function discard(r: ServiceLevel) {
    setEdits(({ [r.bureauCode]: _, ...rest }) => rest);
    setErrors(({ [r.bureauCode]: _, ...rest }) => rest);
  }

  async function saveRow(r: ServiceLevel) {
    const body = { acceptDays: valueOf(r, 'acceptDays'), decideDays: valueOf(r, 'decideDays') };
    const parsed = saveServiceLevelBodySchema.safeParse(body);
    if (!parsed.success) {
      const rowErrors: RowErrors = {};
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as Field;
        rowErrors[f] ??= body[f] === null ? t('v.required') : t(issue.message);
      }
      setErrors((all) => ({ ...all, [r.bureauCode]: rowErrors }));
      return;
    }
    setSaving(r.bureauCode);
    try {
      const saved = await save.mutateAsync({ bureauCode: r.bureauCode, body: parsed.data });
      discard(r);
      void message.success(
        t('serviceLevelsAdmin.saved', {
          bureau: saved.bureauName,
          accept: saved.acceptDays,
          decide: saved.decideDays,
        }),
      );
    } catch (err) {
      const rowErrors: RowErrors = {};
      if (err instanceof ApiError && err.fields.length > 0) {
        for (const f of err.fields) {
          if (f.path === 'acceptDays' || f.path === 'decideDays') rowErrors[f.path] ??= f.message;
          else rowErrors.row ??= f.message;
        }
      } else rowErrors.row = errorText(err, t);
      setErrors((all) => ({ ...all, [r.bureauCode]: rowErrors }));
    } finally {
      setSaving(null);
    }
  }

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
          <Table<ServiceLevel>
            rowKey="bureauCode"
            dataSource={rows}
            loading={levels.isPending}
            size="middle"
            pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
            locale={{ emptyText: t('serviceLevelsAdmin.empty') }}
            columns={[
              {
                title: t('serviceLevelsAdmin.col.bureau'),
                key: 'bureau',
                render: (_, r) => (
                  <div>
                    <span>{r.bureauName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 8 }}>
                      {r.bureauCode}
                    </Typography.Text>
                    {errors[r.bureauCode]?.row && (
                      <div role="alert" style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>
                        {errors[r.bureauCode]!.row}
                      </div>
                    )}
                  </div>
                ),
              },
              ...(['acceptDays', 'decideDays'] as const).map((f) => ({
                title: t(`serviceLevelsAdmin.col.${f}`),
                key: f,
                width: 200,
                render: (_: unknown, r: ServiceLevel) => (
                  <DaysInput
                    row={r}
                    field={f}
                    value={valueOf(r, f)}
                    error={errors[r.bureauCode]?.[f]}
                    label={t(`serviceLevelsAdmin.col.${f}`)}
                    onChange={(v) => setValue(r, f, v)}
                    onEnter={() => void saveRow(r)}
                  />
                ),
              })),
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_, r) => (
                  <Space size={4}>
                    <Button
                      type="primary"
                      size="small"
                      icon={<SaveOutlined aria-hidden />}
                      disabled={!changed(r)}
                      loading={saving === r.bureauCode}
                      aria-label={t('serviceLevelsAdmin.aria.save', { bureau: r.bureauName })}
                      onClick={() => void saveRow(r)}
                    >
                      {t('common.save')}
                    </Button>
                    {changed(r) && (
                      <Button
                        size="small"
                        icon={<UndoOutlined aria-hidden />}
                        aria-label={t('serviceLevelsAdmin.aria.discard', { bureau: r.bureauName })}
                        onClick={() => discard(r)}
                      >
                        {t('serviceLevelsAdmin.discard')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
