import { Tag } from 'antd';
import type { CertificateStatus } from '@ccc/domain';
import { useT } from '../../../lib/i18n';

const colours: Record<CertificateStatus, string> = {
  valid: 'success',
  superseded: 'warning',
  revoked: 'error',
};

/** 证明状态 as a coloured tag: 有效 (green), 已被修改版本取代 (orange), 已撤销 (red). */
export function CertificateStatusTag({ status }: { status: CertificateStatus }) {
  const t = useT();
  return (
    <Tag color={colours[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`apps.cert.status.${status}`)}
    </Tag>
  );
}
