import { SaveOutlined, SortAscendingOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useI18n, type TFunction } from '../../../lib/i18n';
import { useCalendar, useSaveCalendar } from '../api/calendar';
import { CalendarDaysList } from '../components/calendar-days-list';
import {
  applyFieldErrors,
  comparable,
  fromResponse,
  thisYear,
  yearFromParams,
  type CalendarValues,
  type DayRow,
} from '../components/calendar-form';
import { errorText } from '../components/error-text';

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
            <CalendarDaysList year={year} days={days} />
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
