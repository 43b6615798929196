import { App as AntApp, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ReferenceDataset } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useSetCurrentHsEdition } from '../api/reference-admin';

/** 版本: which edition the list shows; 现行版本 marked; for HS codes 设为现行版本. */
export function EditionSelect({
  dataset,
  edition,
  onChange,
}: {
  dataset: ReferenceDataset;
  /** The edition shown (the current one when none was chosen). */
  edition: string | undefined;
  onChange: (edition: string) => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const setCurrent = useSetCurrentHsEdition();
  const isCurrent = edition !== undefined && edition === dataset.currentEdition;

  async function makeCurrent() {
    if (!edition) return;
    try {
      await setCurrent.mutateAsync(edition);
      void message.success(t('refadm.edition.madeCurrent', { edition }));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  return (
    <Space wrap>
      <Typography.Text>{t('refadm.edition.label')}</Typography.Text>
      <Select
        aria-label={t('refadm.edition.label')}
        value={edition}
        onChange={onChange}
        style={{ minWidth: 180 }}
        options={dataset.editions.map((e) => ({
          value: e,
          label: (
            <Space size={4}>
              {e}
              {e === dataset.currentEdition && <Tag color="green">{t('refadm.edition.current')}</Tag>}
            </Space>
          ),
        }))}
      />
      {edition && !isCurrent && <Tag color="default">{t('refadm.edition.notCurrent')}</Tag>}
      {dataset.key === 'hs-codes' && edition && !isCurrent && (
        <Popconfirm
          title={t('refadm.edition.confirmMakeCurrent', { edition })}
          description={t('refadm.edition.makeCurrentHint')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => void makeCurrent()}
        >
          <Button loading={setCurrent.isPending}>{t('refadm.edition.makeCurrent')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
