import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Typography,
  Upload,
} from 'antd';
import type { ReferenceDataset, ReferenceImportPreview } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useApplyImport, useDiscardImport, useUploadImport } from '../api/reference-admin';
import { ImportPreview } from './import-preview';
import { datasetLabel } from './labels';

const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  dataset: ReferenceDataset;
  /** The edition shown in the list: the default of the 版本 field. */
  edition?: string;
  onClose: () => void;
  /** After 应用导入: the list shows the edition just imported. */
  onApplied: (edition: string | null) => void;
}

/**
 * 导入: choose a CSV / Excel file → 上传并预览 → 应用导入 (all rows or none) or 放弃. Rendered only while
 * open, so each opening starts afresh (with the edition the list shows).
 */
export function ImportModal({ dataset, edition, onClose, onApplied }: Props) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const upload = useUploadImport(dataset.key);
  const apply = useApplyImport(dataset.key);
  const discard = useDiscardImport();
  const [file, setFile] = useState<File | null>(null);
  const [importEdition, setImportEdition] = useState(edition ?? '');
  const [percent, setPercent] = useState<number | null>(null);
  const [preview, setPreview] = useState<ReferenceImportPreview | null>(null);
  /** Why the file was refused (wrong headers, unreadable file): shown in the dialog, it can be long. */
  const [uploadError, setUploadError] = useState<string | null>(null);
  const name = datasetLabel(t, dataset);

  function reset() {
    setFile(null);
    setPercent(null);
    setPreview(null);
    setUploadError(null);
    setImportEdition(edition ?? '');
  }

  function close() {
    // A preview left open is thrown away: nothing was written.
    if (preview?.status === 'previewed') discard.mutate(preview.id);
    reset();
    onClose();
  }

  async function start() {
    if (!file) return;
    setPercent(0);
    setUploadError(null);
    try {
      const result = await upload.mutateAsync({
        file,
        edition: dataset.hasEditions ? importEdition.trim() || undefined : undefined,
        onProgress: setPercent,
      });
      setPreview(result);
    } catch (err) {
      setUploadError(errorText(err, t));
    } finally {
      setPercent(null);
    }
  }

  async function onApply() {
    if (!preview) return;
    try {
      await apply.mutateAsync(preview.id);
      const s = preview.summary;
      void modal.success({
        title: t('refadm.import.applied'),
        content: t('refadm.import.appliedCounts', { added: s.added, changed: s.changed }),
        okText: t('common.confirm'),
      });
      reset();
      onClose();
      onApplied(preview.edition);
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  async function onDiscard() {
    if (!preview) return;
    try {
      await discard.mutateAsync(preview.id);
      void message.info(t('refadm.import.discarded'));
      reset();
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  const uploading = percent !== null;
  const writes = preview ? preview.summary.added + preview.summary.changed : 0;
  const footer = preview ? (
    <Space>
      <Button onClick={() => void onDiscard()} loading={discard.isPending} disabled={apply.isPending}>
        {t('refadm.import.discard')}
      </Button>
      <Popconfirm
        title={t('refadm.import.confirmApply')}
        description={t('refadm.import.confirmApplyHint', { n: writes })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => void onApply()}
        disabled={!preview.canApply || writes === 0}
      >
        <Button type="primary" disabled={!preview.canApply || writes === 0} loading={apply.isPending}>
          {t('refadm.import.apply')}
        </Button>
      </Popconfirm>
    </Space>
  ) : (
    <Space>
      <Button onClick={close} disabled={uploading}>
        {t('common.cancel')}
      </Button>
      <Button type="primary" disabled={!file} loading={uploading} onClick={() => void start()}>
        {t('refadm.import.upload')}
      </Button>
    </Space>
  );

  return (
    <Modal
      open
      title={t('refadm.import.title', { name })}
      width={preview ? 980 : 640}
      // While the file travels, the dialog stays: closing it would leave a preview nobody sees.
      closable={!uploading}
      keyboard={!uploading}
      onCancel={() => {
        if (!uploading) close();
      }}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
    >
      {preview ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('refadm.import.file', { name: preview.filename })}
            {preview.edition ? ` · ${t('refadm.edition.label')} ${preview.edition}` : ''}
          </Typography.Text>
          <ImportPreview dataset={dataset} preview={preview} />
        </Space>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 8 }}>
          <Alert type="info" showIcon title={t('refadm.import.intro')} />
          {dataset.hasEditions && (
            <Form layout="vertical">
              <Form.Item
                label={t('refadm.import.edition')}
                extra={t(
                  dataset.key === 'hs-codes' ? 'refadm.import.editionHintHs' : 'refadm.import.editionHint',
                )}
                style={{ marginBottom: 0 }}
              >
                <Input
                  value={importEdition}
                  maxLength={20}
                  onChange={(e) => setImportEdition(e.target.value)}
                  placeholder={dataset.currentEdition ?? ''}
                  style={{ width: 200 }}
                />
              </Form.Item>
            </Form>
          )}
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            disabled={uploading}
            fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
            onRemove={() => {
              setFile(null);
              setUploadError(null);
            }}
            beforeUpload={(f) => {
              if (!/\.(csv|xlsx)$/i.test(f.name)) void message.error(t('refadm.import.wrongType'));
              else if (f.size > MAX_BYTES) void message.error(t('refadm.import.tooLarge'));
              else {
                setFile(f);
                setUploadError(null);
              }
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('refadm.import.choose')}</p>
            <p className="ant-upload-hint">{t('refadm.import.chooseHint')}</p>
          </Upload.Dragger>
          {uploadError && <Alert type="error" showIcon title={uploadError} />}
          {uploading && (
            <div>
              <Typography.Text>
                {percent < 100 ? t('refadm.import.uploading') : t('refadm.import.analysing')}
              </Typography.Text>
              <Progress percent={percent} status="active" />
            </div>
          )}
        </Space>
      )}
    </Modal>
  );
}
