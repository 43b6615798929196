import { DeleteOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  attachmentAccept,
  attachmentMaxBytes,
  attachmentMimeTypes,
  type ApplicationAttachment,
} from '@ccc/domain';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatSize, formatTime } from '../../admin/components/format';
import { attachmentFileUrl, useDeleteAttachment, useUploadAttachment } from '../api/attachments';

export const attachmentAnchor = (typeCode: string) => `apps-attachment-${typeCode}`;
export const ATTACHMENTS_ANCHOR = 'apps-attachments';

interface UploadState {
  percent: number;
  status: 'active' | 'success' | 'exception';
  filename: string;
}

const extensions = ['.pdf', '.jpg', '.jpeg', '.png'];

/** What the server would refuse anyway, said before the upload starts (the server checks the content). */
function clientProblem(file: File): 'e.attachment.tooLarge' | 'e.attachment.fileType' | null {
  if (file.size > attachmentMaxBytes) return 'e.attachment.tooLarge';
  const name = file.name.toLowerCase();
  const typeOk = !file.type || (attachmentMimeTypes as readonly string[]).includes(file.type);
  if (!extensions.some((e) => name.endsWith(e)) || !typeOk) return 'e.attachment.fileType';
  return null;
}

/** The file of one row: name (opens it), size, who uploaded it when, and whether it was taken over. */
function FileCell({ applicationId, row }: { applicationId: string; row: ApplicationAttachment }) {
  const t = useT();
  const f = row.file;
  if (!f) return <Typography.Text type="secondary">{t('apps.attachments.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Space size={6} wrap>
        <PaperClipOutlined aria-hidden />
        <Typography.Link href={attachmentFileUrl(applicationId, row.typeCode)} target="_blank" rel="noopener">
          {f.filename}
        </Typography.Link>
        <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
        {f.takenOver && (
          <Tooltip title={t('apps.attachments.takenOverHint')}>
            <Tag color="blue" style={{ cursor: 'help' }}>
              {t('apps.attachments.takenOver')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('apps.attachments.uploadedBy', { name: f.uploadedBy, time: formatTime(f.uploadedAt) })}
      </Typography.Text>
    </Space>
  );
}

/**
 * 附件信息 (SPEC §3.4): the types the clause (and second-level clause) calls for, 必传 marked. Per row
 * 上传附件 (replaces, with a progress bar), 查看 (a new tab) and 删除附件. In the detail it is read-only.
 */
export function AttachmentsSection({
  applicationId,
  attachments,
  editable,
  highlighted = [],
  notice,
}: {
  applicationId: string | undefined;
  attachments: ApplicationAttachment[];
  editable: boolean;
  /** Types 提交 found missing. */
  highlighted?: string[];
  notice?: string;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const upload = useUploadAttachment(applicationId ?? '');
  const del = useDeleteAttachment(applicationId ?? '');
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<string | null>(null);
  const [uploads, setUploads] = useState<Record<string, UploadState>>({});
  const timers = useRef<number[]>([]);
  useEffect(() => () => timers.current.forEach((id) => clearTimeout(id)), []);

  function choose(typeCode: string) {
    target.current = typeCode;
    input.current?.click();
  }

  async function send(typeCode: string, file: File) {
    const problem = clientProblem(file);
    if (problem) {
      void message.error(t(problem));
      return;
    }
    const set = (s: UploadState | null) =>
      setUploads((all) => {
        const next = { ...all };
        if (s) next[typeCode] = s;
        else delete next[typeCode];
        return next;
      });
    set({ percent: 0, status: 'active', filename: file.name });
    try {
      await upload.mutateAsync({
        typeCode,
        file,
        onProgress: (percent) =>
          set({ percent: Math.min(percent, 99), status: 'active', filename: file.name }),
      });
      set({ percent: 100, status: 'success', filename: file.name });
      void message.success(t('apps.attachments.uploaded', { name: file.name }));
    } catch (err) {
      set({ percent: 100, status: 'exception', filename: file.name });
      void message.error(errorText(err, t));
    }
    // The bar stays a moment after the end, then the row shows the file.
    timers.current.push(window.setTimeout(() => set(null), 3000));
  }

  const requiredMissing = attachments.filter((a) => a.required && a.applicable && !a.file).length;

  return (
    <Card
      id={ATTACHMENTS_ANCHOR}
      title={t('apps.attachments.title')}
      extra={
        applicationId && (
          <Typography.Text type={requiredMissing ? 'warning' : 'success'}>
            {requiredMissing
              ? t('apps.attachments.missingCount', { count: requiredMissing })
              : t('apps.attachments.complete')}
          </Typography.Text>
        )
      }
    >
      <input
        ref={input}
        type="file"
        accept={attachmentAccept}
        style={{ display: 'none' }}
        aria-hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          const typeCode = target.current;
          e.target.value = '';
          if (file && typeCode) void send(typeCode, file);
        }}
      />
      {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 12 }} />}
      {!applicationId ? (
        <Alert type="info" showIcon title={t('apps.attachments.saveFirst')} />
      ) : (
        <>
          {editable && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('apps.attachments.rules')}
            </Typography.Paragraph>
          )}
          <Table<ApplicationAttachment>
            rowKey="typeCode"
            size="middle"
            dataSource={attachments}
            pagination={false}
            onRow={(r) => ({
              id: attachmentAnchor(r.typeCode),
              style: highlighted.includes(r.typeCode) ? { background: '#fff1f0' } : undefined,
            })}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.attachments.empty')} />
              ),
            }}
            columns={[
              {
                title: t('apps.attachments.type'),
                dataIndex: 'name',
                render: (name: string, r) => (
                  <Space size={6} wrap>
                    <span>{name}</span>
                    {r.required && r.applicable && <Tag color="red">{t('apps.attachments.required')}</Tag>}
                    {!r.applicable && (
                      <Tooltip title={t('apps.attachments.notApplicableHint')}>
                        <Tag>{t('apps.attachments.notApplicable')}</Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              {
                title: t('apps.attachments.file'),
                key: 'file',
                width: '42%',
                render: (_: unknown, r) => {
                  const u = uploads[r.typeCode];
                  return (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <FileCell applicationId={applicationId} row={r} />
                      {u && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {u.status === 'active'
                              ? t('apps.attachments.uploading', { name: u.filename })
                              : u.status === 'success'
                                ? t('apps.attachments.uploadDone', { name: u.filename })
                                : t('apps.attachments.uploadFailed', { name: u.filename })}
                          </Typography.Text>
                          <Progress
                            percent={u.percent}
                            status={u.status}
                            size="small"
                            aria-label={t('apps.attachments.progress', { name: r.name })}
                          />
                        </div>
                      )}
                    </Space>
                  );
                },
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 260,
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    {editable && r.applicable && (
                      <Button
                        size="small"
                        icon={<UploadOutlined aria-hidden />}
                        loading={uploads[r.typeCode]?.status === 'active'}
                        onClick={() => choose(r.typeCode)}
                      >
                        {t('apps.attachments.upload')}
                      </Button>
                    )}
                    {r.file && (
                      <Button
                        size="small"
                        type="link"
                        icon={<EyeOutlined aria-hidden />}
                        href={attachmentFileUrl(applicationId, r.typeCode)}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('common.view')}
                      </Button>
                    )}
                    {editable && r.file && (
                      <Popconfirm
                        title={t('apps.attachments.deleteConfirm', { name: r.file.filename })}
                        okText={t('apps.attachments.delete')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          void (async () => {
                            try {
                              await del.mutateAsync(r.typeCode);
                              void message.success(t('apps.attachments.deleted', { name: r.name }));
                            } catch (err) {
                              void message.error(errorText(err, t));
                            }
                          })()
                        }
                      >
                        <Button size="small" type="link" danger icon={<DeleteOutlined aria-hidden />}>
                          {t('apps.attachments.delete')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
