import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Progress, Row, Space, Tag, Tooltip, Typography } from 'antd';
import type { ApplicationStatus, ServiceClock } from '@ccc/domain';
import { useT } from '../../../lib/i18n';

/** The limit that runs now: accept-or-return while 待受理, decide once accepted. */
function runningLimit(status: ApplicationStatus, clock: ServiceClock) {
  return status === 'submitted'
    ? { used: clock.sinceSubmission, limit: clock.acceptDays, due: clock.acceptDueOn }
    : { used: clock.withBureau, limit: clock.decideDays, due: clock.decideDueOn };
}

/** 超期: the case passed its service level. */
export function OverdueTag() {
  const t = useT();
  return (
    <Tag color="red" variant="solid" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
      {t('bureau.clock.overdue')}
    </Tag>
  );
}

/** 已用工作日 of an inbox row: "1 / 2" against the running limit, with its last day. */
export function ClockCell({ status, clock }: { status: ApplicationStatus; clock: ServiceClock }) {
  const t = useT();
  const { used, limit, due } = runningLimit(status, clock);
  const kind = status === 'submitted' ? 'accept' : 'decide';
  return (
    <Tooltip title={t(`bureau.clock.${kind}Hint`, { limit })}>
      <Space orientation="vertical" size={0}>
        <Typography.Text strong type={clock.overdue ? 'danger' : used >= limit ? 'warning' : undefined}>
          {t('bureau.clock.usedOf', { used, limit })}
        </Typography.Text>
        {due && (
          <Typography.Text type={clock.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('bureau.clock.dueOn', { date: due })}
          </Typography.Text>
        )}
      </Space>
    </Tooltip>
  );
}

/** 该年度工作日历未发布: the count spans a year whose holidays are not loaded (weekends only). */
export function CalendarIncompleteAlert() {
  const t = useT();
  return <Alert type="warning" showIcon title={t('bureau.clock.calendarIncomplete')} />;
}

function LimitBlock({
  title,
  used,
  limit,
  due,
  overdue,
}: {
  title: string;
  used: number;
  limit: number;
  due: string | null;
  overdue: boolean;
}) {
  const t = useT();
  const late = overdue && used > limit;
  return (
    <div>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 20, fontWeight: 600, color: late ? '#cf1322' : undefined }}>
        {t('bureau.clock.usedOf', { used, limit })}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 6 }}>
          {t('bureau.workingDays')}
        </Typography.Text>
      </div>
      <Progress
        percent={limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100}
        status={late ? 'exception' : used >= limit ? 'active' : 'normal'}
        strokeColor={late ? undefined : used >= limit ? '#faad14' : undefined}
        showInfo={false}
        size="small"
        aria-label={title}
      />
      {due && (
        <Typography.Text type={late ? 'danger' : 'secondary'}>
          {t('bureau.clock.dueOn', { date: due })}
        </Typography.Text>
      )}
    </div>
  );
}

/** 服务时限 of one case: working days used against both limits, the last days, 超期 and the calendar. */
export function ServiceClockCard({ status, clock }: { status: ApplicationStatus; clock: ServiceClock }) {
  const t = useT();
  const awaiting = status === 'submitted';
  return (
    <Card
      size="small"
      title={
        <Space>
          <ClockCircleOutlined aria-hidden />
          {t('bureau.clock.title')}
        </Space>
      }
      extra={clock.overdue && <OverdueTag />}
    >
      <Row gutter={[32, 12]}>
        {awaiting && (
          <Col xs={24} md={12}>
            <LimitBlock
              title={t('bureau.acceptDays')}
              used={clock.sinceSubmission}
              limit={clock.acceptDays}
              due={clock.acceptDueOn}
              overdue={clock.overdue}
            />
          </Col>
        )}
        <Col xs={24} md={12}>
          <LimitBlock
            title={t('bureau.decideDays')}
            used={clock.withBureau}
            limit={clock.decideDays}
            due={clock.decideDueOn}
            overdue={clock.overdue}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('bureau.clock.rule')}
      </Typography.Paragraph>
      {clock.calendarIncomplete && (
        <div style={{ marginTop: 8 }}>
          <CalendarIncompleteAlert />
        </div>
      )}
    </Card>
  );
}
