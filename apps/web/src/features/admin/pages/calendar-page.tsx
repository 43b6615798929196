import {
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
  SortAscendingOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { calendarDayProblems, type CalendarDay, type CalendarResponse } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useI18n, type TFunction } from '../../../lib/i18n';
import { useCalendar, useSaveCalendar } from '../api/calendar';
import { errorText } from '../components/error-text';

/** A row while it is edited: the date may not be chosen yet. */
interface DayRow {
  date?: string;
  kind: CalendarDay['kind'];
  name?: string;
}
interface CalendarValues {
  published: boolean;
  days: DayRow[];
}

const thisYear = () => dayjs().year();

/** 保存 stays in reach at the bottom of the window while the year's list scrolls. */
const actionsBar = {
  position: 'sticky',
  bottom: 0,
  zIndex: 5,
  margin: '16px -24px -24px',
  padding: '12px 24px',
  background: '#fff',
  borderTop: '1px solid #f0f0f0',
  borderRadius: '0 0 8px 8px',
  boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.06)',
  display: 'flex',
  justifyContent: 'center',
  alignItems: 'center',
  gap: 12,
} as const;

function yearFromParams(params: URLSearchParams): number {
  const y = Number(params.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear();
}

function isWeekendDate(date: string): boolean {
  const d = dayjs(date).day();
  return d === 0 || d === 6;
}

/** What the form holds, comparable with what was loaded (to know whether there are unsaved changes). */
function comparable(v: Partial<CalendarValues> | undefined): string {
  return JSON.stringify({
    published: !!v?.published,
    days: (v?.days ?? []).map((d) => [d?.date ?? '', d?.kind ?? '', (d?.name ?? '').trim()]),
  });
}

function fromResponse(r: CalendarResponse): CalendarValues {
  return { published: r.published, days: r.days.map((d) => ({ ...d })) };
}

/** The server's field errors onto the rows ('days.3.date' → row 4's 日期); what has no field comes back. */
function applyFieldErrors(
  form: ReturnType<typeof Form.useForm<CalendarValues>>[0],
  err: ApiError,
  rowCount: number,
): string[] {
  type RowField = 'date' | 'kind' | 'name';
  const unplaced: string[] = [];
  const placed: { name: ['published'] | ['days', number, RowField]; errors: string[] }[] = [];
  for (const f of err.fields) {
    const parts = f.path.split('.');
    const index = Number(parts[1]);
    if (
      parts[0] === 'days' &&
      Number.isInteger(index) &&
      index < rowCount &&
      ['date', 'kind', 'name'].includes(parts[2] ?? '')
    ) {
      placed.push({ name: ['days', index, parts[2] as RowField], errors: [f.message] });
    } else if (parts[0] === 'days' && Number.isInteger(index) && index < rowCount) {
      placed.push({ name: ['days', index, 'date'], errors: [f.message] });
    } else if (f.path === 'published') {
      placed.push({ name: ['published'], errors: [f.message] });
    } else unplaced.push(f.message);
  }
  form.setFields(placed);
  if (placed[0]) form.scrollToField(placed[0].name, { block: 'center' });
  return unplaced;
}

function YearOption({ year, published, t }: { year: number; published: boolean | null; t: TFunction }) {
  return (
    <Space size={8}>
      <span>{t('calendarAdmin.yearOption', { year })}</span>
      {published === null ? null : published ? (
        <Tag color="success" style={{ marginInlineEnd: 0 }}>
          {t('calendarAdmin.published')}
        </Tag>
      ) : (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          {t('calendarAdmin.unpublished')}
        </Tag>
      )}
    </Space>
  );
}

/** 工作日历: the administrator keeps each year's 节假日 and 调休上班 days the working-day clock counts with. */
export function CalendarPage() {
  const { t, locale } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params);
  const calendar = useCalendar(year);
  const save = useSaveCalendar();
  const [form] = Form.useForm<CalendarValues>();
  /** A failed 保存: null when none; the messages that belong to no row (the rest sit at their fields). */
  const [formError, setFormError] = useState<string[] | null>(null);
  const watched = Form.useWatch([], form) as Partial<CalendarValues> | undefined;
  const data = calendar.data;
  const loaded = useMemo(() => (data ? fromResponse(data) : undefined), [data]);
  const dirty = !!loaded && !!watched && comparable(watched) !== comparable(loaded);

  useEffect(() => {
    if (!loaded) return;
    form.resetFields();
    form.setFieldsValue(loaded);
    setFormError(null);
  }, [form, loaded]);

  const yearOptions = useMemo(() => {
    const known = new Map<number, boolean>((data?.years ?? []).map((y) => [y.year, y.published]));
    const all = new Set<number>([...known.keys(), thisYear() - 1, thisYear(), thisYear() + 1, year]);
    return [...all]
      .sort((a, b) => b - a)
      .map((y) => ({
        value: y,
        label: (
          <YearOption year={y} published={known.get(y) ?? (y === data?.year ? data.published : null)} t={t} />
        ),
      }));
  }, [data, t, year]);

  function changeYear(next: number) {
    const go = () => setParams({ year: String(next) }, { replace: false });
    if (!dirty) return go();
    modal.confirm({
      title: t('calendarAdmin.leaveTitle'),
      content: t('calendarAdmin.leaveContent', { year }),
      okText: t('calendarAdmin.leave'),
      cancelText: t('common.cancel'),
      onOk: go,
    });
  }

  async function onFinish(values: CalendarValues) {
    setFormError(null);
    const days = (values.days ?? []).map((d) => ({
      date: d.date ?? '',
      kind: d.kind,
      name: (d.name ?? '').trim(),
    }));
    try {
      await save.mutateAsync({ year, body: { published: values.published, days } });
      void message.success(t('calendarAdmin.saved', { year }));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        const rest = applyFieldErrors(form, err, days.length);
        setFormError(rest);
      } else setFormError([errorText(err, t)]);
    }
  }

  function sortByDate() {
    const days = [...(form.getFieldValue('days') as DayRow[])].sort((a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999'),
    );
    form.setFieldsValue({ days });
  }

  const days = watched?.days ?? [];
  const holidayCount = days.filter((d) => d?.kind === 'holiday' && d.date).length;
  const workdayCount = days.filter((d) => d?.kind === 'workday' && d.date).length;
  const weekdayFormat = locale === 'zh-CN' ? 'dddd' : 'ddd';

  return (
    <>
      <PageHeader
        title={t('calendarAdmin.title')}
        description={t('calendarAdmin.description')}
        extra={
          <Space>
            <label htmlFor="calendar-year">{t('calendarAdmin.year')}</label>
            <Select
              id="calendar-year"
              value={year}
              options={yearOptions}
              onChange={changeYear}
              style={{ width: locale === 'zh-CN' ? 180 : 200 }}
              popupMatchSelectWidth={false}
            />
          </Space>
        }
      />
      {calendar.isError ? (
        <Alert type="error" showIcon title={errorText(calendar.error, t)} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Card>
          {!data.published ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={t('calendarAdmin.unpublishedWarning')}
              description={t('calendarAdmin.unpublishedWarning.description', { year })}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('calendarAdmin.publishedNote', { year })}
              description={
                data.source
                  ? t('calendarAdmin.source', {
                      source: data.source === 'admin' ? t('calendarAdmin.source.admin') : data.source,
                    })
                  : undefined
              }
            />
          )}
          {formError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={t('calendarAdmin.saveFailed')}
              description={
                formError.length === 0 ? undefined : formError.length === 1 ? (
                  formError[0]
                ) : (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {formError.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                )
              }
              closable={{ onClose: () => setFormError(null) }}
            />
          )}
          <Form<CalendarValues>
            form={form}
            name="calendar"
            initialValues={loaded}
            onFinish={(v) => void onFinish(v)}
            onFinishFailed={({ errorFields }) => {
              if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
            }}
          >
            <Form.Item
              label={t('calendarAdmin.publishedSwitch')}
              name="published"
              valuePropName="checked"
              extra={t('calendarAdmin.publishedSwitch.extra')}
            >
              <Switch
                checkedChildren={t('calendarAdmin.published')}
                unCheckedChildren={t('calendarAdmin.unpublished')}
              />
            </Form.Item>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '8px 0 12px' }}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {t('calendarAdmin.days', { year })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('calendarAdmin.counts', { holidays: holidayCount, workdays: workdayCount })}
              </Typography.Text>
              <div style={{ flex: 1 }} />
              <Button icon={<SortAscendingOutlined aria-hidden />} onClick={sortByDate}>
                {t('calendarAdmin.sort')}
              </Button>
            </div>
            <Form.List name="days">
              {(fields, { add, remove }) => (
                <>
                  <Table
                    dataSource={fields}
                    rowKey="key"
                    size="small"
                    bordered
                    pagination={false}
                    locale={{ emptyText: t('calendarAdmin.empty') }}
                    columns={[
                      {
                        title: t('calendarAdmin.col.index'),
                        key: 'index',
                        width: 56,
                        align: 'center',
                        render: (_, f) => f.name + 1,
                      },
                      {
                        title: t('calendarAdmin.col.date'),
                        key: 'date',
                        width: 240,
                        render: (_, f) => (
                          <Form.Item
                            name={[f.name, 'date']}
                            style={{ margin: 0 }}
                            getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
                            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
                            dependencies={[['days', f.name, 'kind']]}
                            rules={[
                              { required: true, message: t('calendarAdmin.v.date') },
                              {
                                // The server's own rules: in the year, once only, a holiday on a weekday,
                                // a make-up working day on a weekend.
                                validator: async () => {
                                  const all = (form.getFieldValue('days') as DayRow[] | undefined) ?? [];
                                  const problem = calendarDayProblems(
                                    year,
                                    all.map((d) => ({ date: d?.date ?? '', kind: d?.kind ?? '' })),
                                  ).find((p) => p.path === `days.${f.name}.date`);
                                  if (problem) throw new Error(t(problem.message));
                                },
                              },
                            ]}
                          >
                            <DatePicker
                              aria-label={t('calendarAdmin.aria.date', { n: f.name + 1 })}
                              style={{ width: '100%' }}
                              allowClear={false}
                              defaultPickerValue={dayjs(`${year}-01-01`)}
                              disabledDate={(d) => d.year() !== year}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('calendarAdmin.col.weekday'),
                        key: 'weekday',
                        width: 130,
                        render: (_, f) => {
                          const date = days[f.name]?.date;
                          if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
                          return (
                            <Typography.Text type={isWeekendDate(date) ? 'warning' : undefined}>
                              {dayjs(date).format(weekdayFormat)}
                            </Typography.Text>
                          );
                        },
                      },
                      {
                        title: t('calendarAdmin.col.kind'),
                        key: 'kind',
                        width: 170,
                        render: (_, f) => (
                          <Form.Item
                            name={[f.name, 'kind']}
                            style={{ margin: 0 }}
                            rules={[{ required: true, message: t('calendarAdmin.v.kind') }]}
                          >
                            <Select
                              aria-label={t('calendarAdmin.aria.kind', { n: f.name + 1 })}
                              options={[
                                { value: 'holiday', label: t('calendarAdmin.kind.holiday') },
                                { value: 'workday', label: t('calendarAdmin.kind.workday') },
                              ]}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('calendarAdmin.col.name'),
                        key: 'name',
                        render: (_, f) => (
                          <Form.Item
                            name={[f.name, 'name']}
                            style={{ margin: 0 }}
                            rules={[{ max: 50, message: t('v.tooLong') }]}
                          >
                            <Input
                              aria-label={t('calendarAdmin.aria.name', { n: f.name + 1 })}
                              placeholder={t('calendarAdmin.namePlaceholder')}
                              maxLength={50}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 90,
                        align: 'center',
                        render: (_, f) => (
                          <Button
                            type="link"
                            danger
                            size="small"
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('calendarAdmin.aria.remove', { n: f.name + 1 })}
                            onClick={() => remove(f.name)}
                          >
                            {t('common.delete')}
                          </Button>
                        ),
                      },
                    ]}
                  />
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined aria-hidden />}
                    style={{ marginTop: 12 }}
                    onClick={() => add({ kind: 'holiday', name: '' } satisfies DayRow)}
                  >
                    {t('calendarAdmin.add')}
                  </Button>
                </>
              )}
            </Form.List>
            <div style={actionsBar}>
              {dirty && <Tag color="warning">{t('calendarAdmin.unsaved')}</Tag>}
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined aria-hidden />}
                loading={save.isPending}
              >
                {t('common.save')}
              </Button>
              <Button
                icon={<UndoOutlined aria-hidden />}
                disabled={!dirty}
                onClick={() => {
                  if (!loaded) return;
                  form.resetFields();
                  form.setFieldsValue(loaded);
                  setFormError(null);
                }}
              >
                {t('calendarAdmin.discard')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </>
  );
}
