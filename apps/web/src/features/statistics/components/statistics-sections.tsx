import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { applicationStatusLabels, type StatisticsResponse } from '@ccc/domain';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import {
  chapterOption,
  decisionOption,
  monthlyOption,
  namedBarOption,
  PALETTE,
  short,
  stateOption,
} from './chart-options';
import { EChart } from './echart';

/** The charts of the statistics page, each with its table under it. */

type S = StatisticsResponse;
type TimeRow = {
  group: string;
  code: string;
  name: string;
  decided: number;
  median: number | null;
  p90: number | null;
};

function Section({
  title,
  note,
  chart,
  table,
  empty,
}: {
  title: string;
  /** A line under the title: what the figures count. */
  note?: string;
  chart: ReactNode;
  table: ReactNode;
  empty: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }}>
          {note}
        </Typography.Paragraph>
      )}
      {empty ? (
        <Empty description={t('stats.empty')} style={{ margin: '32px 0' }} />
      ) : (
        <>
          {chart}
          <div style={{ marginTop: 12 }}>{table}</div>
        </>
      )}
    </Card>
  );
}

const num = (title: string, dataIndex: string, width = 96) => ({
  title,
  dataIndex,
  width,
  align: 'right' as const,
});

export function StatisticsSections({ s, admin }: { s: S; admin: boolean }) {
  const { t, locale } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  const monthly = useMemo(() => monthlyOption(s, t), [s, t]);
  const states = useMemo(() => stateOption(s, locale, t), [s, locale, t]);
  const clauses = useMemo(
    () =>
      namedBarOption(
        s.byClause.map((c) => ({ label: `${c.code} ${short(c.name, 8)}`, value: c.count })),
        t('stats.col.applications'),
        PALETTE[0]!,
      ),
    [s, t],
  );
  const bureaus = useMemo(
    () =>
      namedBarOption(
        s.byBureau
          .slice(0, 20)
          .map((b) => ({ label: short(b.name.replace('市场监督管理局', ''), 8), value: b.count })),
        t('stats.col.applications'),
        PALETTE[1]!,
      ),
    [s, t],
  );
  const chapters = useMemo(() => chapterOption(s, t), [s, t]);
  const decisionRows =
    admin && s.decisionTime.byBureau.length > 1 ? s.decisionTime.byBureau : s.decisionTime.byClause;
  const decision = useMemo(
    () =>
      decisionOption(
        decisionRows.map((r) => ({
          label:
            admin && decisionRows === s.decisionTime.byBureau
              ? short(r.name.replace('市场监督管理局', ''), 8)
              : r.code,
          median: r.median,
          p90: r.p90,
        })),
        t,
      ),
    [decisionRows, admin, s, t],
  );

  const overdueChart = useMemo(
    () =>
      namedBarOption(
        [
          { label: t('stats.total.pending'), value: s.totals.pending },
          { label: t('stats.col.overdueAccept'), value: s.overdue.accept },
          { label: t('stats.col.overdueDecide'), value: s.overdue.decide },
          { label: t('stats.col.overdueTotal'), value: s.overdue.total },
        ],
        t('stats.col.applications'),
        PALETTE[3]!,
      ),
    [s, t],
  );

  const monthRows = s.byMonth.map((m, i) => ({ ...m, ...s.certificatesByMonth[i]! }));
  const monthColumns: ColumnsType<(typeof monthRows)[number]> = [
    { title: t('stats.col.month'), dataIndex: 'month' },
    num(t('stats.col.submitted'), 'count', 120),
    num(t('stats.col.original'), 'original', 120),
    num(t('stats.col.modified'), 'modified', 120),
    num(t('stats.col.revoked'), 'revoked', 120),
  ];
  const timeColumns = [
    num(t('stats.col.decided'), 'decided', 80),
    {
      ...num(t('stats.col.median'), 'median', 80),
      render: (v: number | null) => v ?? '—',
    },
    {
      ...num(t('stats.col.p90'), 'p90', 80),
      render: (v: number | null) => v ?? '—',
    },
  ];
  const codeName = (codeTitle: string, nameTitle: string) => [
    { title: codeTitle, dataIndex: 'code', width: 90 },
    { title: nameTitle, dataIndex: 'name', ellipsis: true },
  ];
  const overallTime = { code: '', name: t('stats.all'), ...s.decisionTime.overall };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Section
          title={t('stats.byMonth')}
          empty={false}
          chart={<EChart option={monthly} height={300} label={t('stats.byMonth')} />}
          table={
            <Table
              size="small"
              rowKey="month"
              columns={monthColumns}
              dataSource={monthRows}
              pagination={monthRows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <Section
          title={t('stats.byState')}
          empty={s.totals.submitted === 0}
          chart={<EChart option={states} height={260} label={t('stats.byState')} />}
          table={
            <Table
              size="small"
              rowKey="status"
              pagination={false}
              dataSource={s.byState}
              columns={[
                {
                  title: t('stats.col.state'),
                  dataIndex: 'status',
                  render: (v: keyof typeof applicationStatusLabels) => applicationStatusLabels[v][lang],
                },
                num(t('stats.col.applications'), 'count', 120),
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <Section
          title={t('stats.byClause')}
          empty={s.byClause.length === 0}
          chart={<EChart option={clauses} height={260} label={t('stats.byClause')} />}
          table={
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={s.byClause}
              columns={[
                ...codeName(t('stats.col.clause'), t('stats.col.clauseName')),
                num(t('stats.col.applications'), 'count', 120),
              ]}
            />
          }
        />
      </Col>
      {admin && (
        <Col span={24}>
          <Section
            title={t('stats.byBureau')}
            empty={s.byBureau.length === 0}
            chart={<EChart option={bureaus} height={280} label={t('stats.byBureau')} />}
            table={
              <Table
                size="small"
                rowKey="code"
                dataSource={s.byBureau}
                pagination={s.byBureau.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={[
                  ...codeName(t('stats.col.bureauCode'), t('stats.col.bureau')),
                  num(t('stats.col.applications'), 'count', 120),
                ]}
              />
            }
          />
        </Col>
      )}
      <Col span={24}>
        <Section
          title={t('stats.byChapter')}
          note={t('stats.byChapter.hint')}
          empty={s.byChapter.length === 0}
          chart={
            <EChart
              option={chapters}
              height={Math.max(180, Math.min(15, s.byChapter.length) * 44 + 60)}
              label={t('stats.byChapter')}
            />
          }
          table={
            <Table
              size="small"
              rowKey="chapter"
              dataSource={s.byChapter}
              pagination={s.byChapter.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('stats.col.chapter'), dataIndex: 'chapter', width: 90 },
                { title: t('stats.col.chapterName'), dataIndex: 'name', ellipsis: true },
                num(t('stats.col.applications'), 'applications', 120),
                num(t('stats.col.lines'), 'lines', 120),
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <Section
          title={t('stats.decision')}
          note={t('stats.decision.definition')}
          empty={s.decisionTime.overall.decided === 0}
          chart={<EChart option={decision} height={260} label={t('stats.decision')} />}
          table={
            <Table<TimeRow>
              size="small"
              rowKey={(r) => `${r.group}-${r.code}`}
              pagination={false}
              dataSource={[
                { group: 'all', ...overallTime },
                ...(admin ? s.decisionTime.byBureau.map((b) => ({ group: 'bureau', ...b })) : []),
                ...s.decisionTime.byClause.map((c) => ({
                  group: 'clause',
                  ...c,
                  name: `${c.code} ${c.name}`,
                })),
              ]}
              columns={[
                {
                  title: t('stats.col.group'),
                  dataIndex: 'name',
                  ellipsis: true,
                  render: (v: string, r: TimeRow) =>
                    r.group === 'all' ? <strong>{v}</strong> : `${t(`stats.group.${r.group}`)}：${v}`,
                },
                ...timeColumns,
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <Section
          title={t('stats.overdue')}
          note={t('stats.overdue.hint')}
          empty={false}
          chart={<EChart option={overdueChart} height={260} label={t('stats.overdue')} />}
          table={
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={[{ code: '', name: t('stats.all'), ...s.overdue }, ...s.overdue.byBureau]}
              columns={[
                {
                  title: admin ? t('stats.col.bureau') : t('stats.col.group'),
                  dataIndex: 'name',
                  ellipsis: true,
                  render: (v: string, r: { code: string }) => (r.code === '' ? <strong>{v}</strong> : v),
                },
                num(t('stats.col.overdueAccept'), 'accept', 100),
                num(t('stats.col.overdueDecide'), 'decide', 100),
                num(t('stats.col.overdueTotal'), 'total', 90),
              ]}
            />
          }
        />
      </Col>
    </Row>
  );
}
