import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import type { StatisticsResponse } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../lib/i18n';
import { useBureaus } from '../../admin/api/officers';
import { errorText } from '../../admin/components/error-text';
import { ExportButton } from '../../bureau-supervision/components/export-button';
import { statisticsExportUrl, useStatistics, type StatisticsFilter, type StatisticsRole } from '../api';
import { StatisticsSections } from './statistics-sections';

/** 统计分析 of the administrator: every bureau, or the one chosen. */
export function AdminStatisticsPage() {
  return <StatisticsView role="admin" />;
}

/** 统计分析 of a bureau's officers: their own bureau only. */
export function BureauStatisticsPage() {
  return <StatisticsView role="officer" />;
}

const DATE = 'YYYY-MM-DD';

function BureauSelect({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const bureaus = useBureaus();
  const options = useMemo(
    () => (bureaus.data?.items ?? []).map((b) => ({ value: b.code, label: b.name })),
    [bureaus.data],
  );
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      aria-label={t('stats.filter.bureau')}
      placeholder={t('stats.filter.allBureaus')}
      loading={bureaus.isLoading}
      options={options}
      value={value}
      onChange={(v?: string) => onChange(v)}
      style={{ width: 260 }}
    />
  );
}

function SummaryCards({ s }: { s: StatisticsResponse }) {
  const { t } = useI18n();
  const days = t('stats.unit.days');
  const cards = [
    {
      key: 'submitted',
      title: t('stats.total.submitted'),
      value: s.totals.submitted,
      note: t('stats.note.cohort'),
    },
    {
      key: 'issued',
      title: t('stats.total.issued'),
      value: s.totals.certificatesIssued,
      note: t('stats.note.issued', {
        modified: s.totals.certificatesModified,
        revoked: s.totals.certificatesRevoked,
      }),
    },
    {
      key: 'refused',
      title: t('stats.total.refused'),
      value: s.totals.refused,
      note: t('stats.note.cohort'),
    },
    {
      key: 'median',
      title: t('stats.total.median'),
      value: s.decisionTime.overall.median ?? '—',
      suffix: s.decisionTime.overall.median === null ? undefined : days,
      note: t('stats.note.p90', {
        p90: s.decisionTime.overall.p90 ?? '—',
        decided: s.decisionTime.overall.decided,
      }),
    },
    { key: 'pending', title: t('stats.total.pending'), value: s.totals.pending, note: t('stats.note.now') },
    {
      key: 'overdue',
      title: t('stats.total.overdue'),
      value: s.totals.overdue,
      note: t('stats.note.overdue', { accept: s.overdue.accept, decide: s.overdue.decide }),
      danger: s.totals.overdue > 0,
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.value}
              suffix={c.suffix}
              styles={{
                content: { color: c.danger ? '#cf1322' : undefined, fontSize: 26, whiteSpace: 'nowrap' },
                suffix: { fontSize: 14 },
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function StatisticsView({ role }: { role: StatisticsRole }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<StatisticsFilter>({});
  const stats = useStatistics(role, filter);
  const s = stats.data;

  const range: [Dayjs, Dayjs] | null = s ? [dayjs(s.scope.from), dayjs(s.scope.to)] : null;
  const today = dayjs();
  const presets = [
    { label: t('stats.preset.last12'), value: [today.subtract(11, 'month').startOf('month'), today] },
    { label: t('stats.preset.thisYear'), value: [today.startOf('year'), today] },
    {
      label: t('stats.preset.lastYear'),
      value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')],
    },
  ] as { label: string; value: [Dayjs, Dayjs] }[];

  const scopeText = s
    ? t('stats.scope', {
        from: s.scope.from,
        to: s.scope.to,
        bureau: s.scope.bureauName ?? t('stats.filter.allBureaus'),
      })
    : undefined;

  return (
    <div>
      <PageHeader
        title={t('stats.title')}
        description={role === 'admin' ? t('stats.description.admin') : t('stats.description.bureau')}
        extra={
          <ExportButton
            url={statisticsExportUrl(role, filter)}
            fileName={`统计分析_${s?.scope.from ?? ''}_${s?.scope.to ?? ''}.xlsx`}
            empty={!s}
          />
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Space>
            <Typography.Text>{t('stats.filter.range')}</Typography.Text>
            <DatePicker.RangePicker
              aria-label={t('stats.filter.range')}
              value={range}
              presets={presets}
              allowClear={false}
              disabledDate={(d) => d.isAfter(today, 'day')}
              onChange={(v) => {
                if (v?.[0] && v[1])
                  setFilter((f) => ({ ...f, from: v[0]!.format(DATE), to: v[1]!.format(DATE) }));
              }}
            />
          </Space>
          {role === 'admin' && (
            <Space>
              <Typography.Text>{t('stats.filter.bureau')}</Typography.Text>
              <BureauSelect
                value={filter.bureau}
                onChange={(bureau) => setFilter((f) => ({ ...f, bureau }))}
              />
            </Space>
          )}
          <Tooltip title={t('stats.filter.resetHint')}>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setFilter({})}>
              {t('stats.filter.reset')}
            </Button>
          </Tooltip>
          {scopeText && <Typography.Text type="secondary">{scopeText}</Typography.Text>}
        </Space>
      </Card>
      {stats.error && (
        <Alert type="error" showIcon message={errorText(stats.error, t)} style={{ marginBottom: 16 }} />
      )}
      {!s && stats.isLoading && <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}
      {s && (
        <Spin spinning={stats.isFetching}>
          <SummaryCards s={s} />
          <StatisticsSections s={s} admin={role === 'admin'} />
        </Spin>
      )}
    </div>
  );
}
