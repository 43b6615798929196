import { Card, Flex, Tag, Typography } from 'antd';
import type { ReferenceDataset, ReferenceDatasetKey } from '@ccc/domain';
import { useI18n } from '../../../lib/i18n';
import { datasetGroups, datasetLabel } from './labels';

/** The datasets by group (商品编码, 机构, 申请参数, 工作日历), each with its row count. */
export function DatasetChooser({
  datasets,
  selected,
  onSelect,
}: {
  datasets: ReferenceDataset[];
  selected: ReferenceDatasetKey | undefined;
  onSelect: (key: ReferenceDatasetKey) => void;
}) {
  const { t, locale } = useI18n();
  // Group names on one line: Chinese ones are short, English ones need more room.
  const labelWidth = locale === 'zh-CN' ? 80 : 150;
  const byKey = new Map(datasets.map((d) => [d.key, d]));
  return (
    <Card size="small" styles={{ body: { padding: '12px 16px' } }}>
      <Flex vertical gap={8}>
        {datasetGroups.map((g) => {
          const members = g.datasets.map((k) => byKey.get(k)).filter((d) => d !== undefined);
          if (members.length === 0) return null;
          return (
            <Flex key={g.key} align="baseline" gap={8}>
              <Typography.Text type="secondary" style={{ width: labelWidth, flex: 'none' }}>
                {t(`refadm.group.${g.key}`)}
              </Typography.Text>
              <Flex gap={8} wrap>
                {members.map((d) => (
                  <Tag.CheckableTag
                    key={d.key}
                    checked={d.key === selected}
                    onChange={() => onSelect(d.key)}
                    style={{ fontSize: 14, padding: '2px 10px', border: '1px solid #e5e6eb' }}
                  >
                    {datasetLabel(t, d)}
                    <Typography.Text
                      type={d.key === selected ? undefined : 'secondary'}
                      style={{
                        marginInlineStart: 6,
                        fontSize: 12,
                        color: d.key === selected ? '#fff' : undefined,
                      }}
                    >
                      {d.rowCount}
                    </Typography.Text>
                  </Tag.CheckableTag>
                ))}
              </Flex>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
