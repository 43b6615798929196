import { CompassOutlined } from '@ant-design/icons';
import { Card, Steps } from 'antd';
import { useT } from '../../../lib/i18n';

/** 办理流程: how an exemption is obtained, in five steps. */
export function ProcessGuide() {
  const t = useT();
  const steps = ['register', 'apply', 'accept', 'issue', 'record'] as const;
  return (
    <Card
      title={
        <span>
          <CompassOutlined style={{ color: '#a61d1d', marginRight: 8 }} />
          {t('home.guide.title')}
        </span>
      }
    >
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={steps.map((s) => ({
          title: t(`home.guide.${s}`),
          content: t(`home.guide.${s}.desc`),
          status: 'process' as const,
        }))}
      />
    </Card>
  );
}
