import { App as AntApp, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';

/**
 * 定时发布 / 修改发布时间: a future date and time; at that time the announcement appears on the home page
 * by itself (the server compares it with its clock on every read).
 */
export function AnnouncementScheduleModal({
  open,
  reschedule,
  current,
  busy,
  onSchedule,
  onClose,
}: {
  open: boolean;
  reschedule: boolean;
  /** The scheduled time, when rescheduling. */
  current: string | null;
  busy: boolean;
  onSchedule: (at: Dayjs) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [at, setAt] = useState<Dayjs | null>(null);

  const initial = () =>
    current ? dayjs(current) : dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);

  return (
    <Modal
      open={open}
      title={reschedule ? t('annadm.reschedule') : t('annadm.schedule')}
      okText={t('annadm.scheduleOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      afterOpenChange={(visible) => visible && setAt(initial())}
      onOk={() => {
        if (!at || !at.isAfter(dayjs())) {
          void message.error(t('annadm.schedulePast'));
          return;
        }
        void onSchedule(at);
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('annadm.scheduleHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('annadm.scheduleAt')} required>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={setAt}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            needConfirm={false}
            style={{ width: 240 }}
            aria-label={t('annadm.scheduleAt')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
