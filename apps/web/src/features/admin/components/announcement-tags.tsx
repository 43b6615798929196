import { PushpinFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import type { AnnouncementStatus } from '@ccc/domain';
import { useT } from '../../../lib/i18n';

export function AnnouncementStatusTag({ status }: { status: AnnouncementStatus }) {
  const t = useT();
  return (
    <Tag color={status === 'published' ? 'success' : 'default'}>
      {t(`announcementsAdmin.status.${status}`)}
    </Tag>
  );
}

export function PinnedTag() {
  const t = useT();
  return (
    <Tag color="red" icon={<PushpinFilled />}>
      {t('announcementsAdmin.pinnedTag')}
    </Tag>
  );
}
