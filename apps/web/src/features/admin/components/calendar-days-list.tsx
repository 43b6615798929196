import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import { calendarDayProblems } from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n';
import { isWeekendDate, type DayRow } from './calendar-form';

/**
 * The year's 节假日 and 调休上班 days as rows of the calendar form: 日期 (checked against the server's rules),
 * 星期, 类型 and 名称, with 删除 per row and 添加 below. `days` is the form's watched list.
 */
export function CalendarDaysList({ year, days }: { year: number; days: DayRow[] }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const weekdayFormat = locale === 'zh-CN' ? 'dddd' : 'ddd';
  return (
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
  );
}
