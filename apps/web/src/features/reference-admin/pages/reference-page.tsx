import { Alert, Card, Space, Spin } from 'antd';
import { referenceDatasetKeySchema } from '@ccc/domain';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useReferenceDatasets } from '../api/reference-admin';
import { DatasetChooser } from '../components/dataset-chooser';
import { DatasetView } from '../components/dataset-view';

/** 基础数据管理: choose a dataset, then list, search, edit, import and export it. */
export function ReferencePage() {
  const t = useT();
  const navigate = useNavigate();
  const { dataset: param } = useParams();
  const datasets = useReferenceDatasets();
  const parsed = referenceDatasetKeySchema.safeParse(param);

  if (!param) return <Navigate to="/admin/reference/hs-codes" replace />;
  if (datasets.isPending) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (datasets.isError) return <Alert type="error" showIcon title={errorText(datasets.error, t)} />;

  const current = parsed.success ? datasets.data.items.find((d) => d.key === parsed.data) : undefined;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <DatasetChooser
        datasets={datasets.data.items}
        selected={current?.key}
        onSelect={(key) => void navigate(`/admin/reference/${key}`)}
      />
      {current ? (
        <DatasetView key={current.key} dataset={current} />
      ) : (
        <Card>
          <Alert type="warning" showIcon title={t('refadm.unknownDataset')} />
        </Card>
      )}
    </Space>
  );
}
