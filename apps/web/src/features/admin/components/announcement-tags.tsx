import { PushpinFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import type { AnnouncementStatus } from '@ccc/domain';
import { useT, type TFunction } from '../../../lib/i18n';

/** 草稿, 待发布 (scheduled: public from its publication time) or 已发布. */
export function announcementStatusLabel(status: AnnouncementStatus, t: TFunction): string {
  return status === 'scheduled' ? t('annadm.status.scheduled') : t(`announcementsAdmin.status.${status}`);
}

const statusColor: Record<AnnouncementStatus, string> = {
  draft: 'default',
  scheduled: 'processing',
  published: 'success',
};

export function AnnouncementStatusTag({ status }: { status: AnnouncementStatus }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{announcementStatusLabel(status, t)}</Tag>;
}

export function PinnedTag() {
  const t = useT();
  return (
    <Tag color="red" icon={<PushpinFilled />}>
      {t('announcementsAdmin.pinnedTag')}
    </Tag>
  );
}
