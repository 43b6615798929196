import {
  ArrowLeftOutlined,
  ClockCircleOutlined,
  EyeOutlined,
  SendOutlined,
  RollbackOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { announcementBodySchema, type AnnouncementDetail } from '@ccc/domain';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import {
  useAnnouncement,
  useAnnouncementAction,
  useSaveAnnouncement,
  type AnnouncementAttachment,
} from '../api/announcements';
import { AnnouncementAttachments } from '../components/announcement-attachments';
import { AnnouncementPreview } from '../components/announcement-preview';
import { AnnouncementScheduleModal } from '../components/announcement-schedule-modal';
import { AnnouncementStatusTag } from '../components/announcement-tags';
import { errorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { RichTextEditor } from '../components/rich-text-editor';

interface FormValues {
  title: string;
  bodyHtml: string;
  pinned: boolean;
}

const emptyValues: FormValues = { title: '', bodyHtml: '', pinned: false };

/**
 * 新增公告 / 修改公告 at /admin/announcements/new and /admin/announcements/:id. Another announcement
 * gets a fresh editor; a new one that has just been saved keeps its editor (and uploads in progress).
 */
export function AnnouncementEditorPage() {
  const { id = 'new' } = useParams();
  const [editor, setEditor] = useState<{ key: string; created: string | null }>({ key: id, created: null });
  let key = editor.key;
  if (id !== editor.key && id !== editor.created) {
    key = id;
    setEditor({ key: id, created: null });
  }
  return (
    <AnnouncementEditor
      key={key}
      id={id === 'new' ? undefined : id}
      onCreated={(created) => setEditor((e) => ({ ...e, created }))}
    />
  );
}

function AnnouncementEditor({ id, onCreated }: { id: string | undefined; onCreated: (id: string) => void }) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const detail = useAnnouncement(id);
  const save = useSaveAnnouncement();
  const act = useAnnouncementAction();
  const [form] = Form.useForm<FormValues>();
  const [previewOpen, setPreviewOpen] = useState(false);
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const dirty = useRef(false);
  const [, setDirtyTick] = useState(0);

  const setDirty = (d: boolean) => {
    dirty.current = d;
    setDirtyTick((n) => n + 1);
  };

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('announcementsAdmin.leaveTitle'),
      content: t('announcementsAdmin.leaveContent'),
      okText: t('announcementsAdmin.leave'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, t]);

  /** Saves the form (creating the draft when new); answers the saved announcement, or null when invalid. */
  async function saveForm(): Promise<AnnouncementDetail | null> {
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    const values = form.getFieldsValue(true) as FormValues;
    try {
      const saved = await save.mutateAsync({
        id,
        body: { title: values.title.trim(), bodyHtml: values.bodyHtml ?? '', pinned: Boolean(values.pinned) },
      });
      // Show what the server kept (it sanitises the text).
      form.setFieldsValue({ bodyHtml: saved.bodyHtml });
      setDirty(false);
      if (!id) {
        onCreated(saved.id);
        void navigate(`/admin/announcements/${saved.id}`, { replace: true });
      }
      return saved;
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(errorText(err, t));
      return null;
    }
  }

  async function onSave() {
    if (await saveForm()) void message.success(t('common.saved'));
  }

  /** 发布 now, or 定时发布 at `publishAt`; saves the form first when it has changes. */
  async function onPublish(publishAt?: Dayjs): Promise<boolean> {
    const saved = dirty.current || !id ? await saveForm() : detail.data;
    if (!saved) return false;
    try {
      await act.mutateAsync({ id: saved.id, action: 'publish', publishAt: publishAt?.toISOString() });
      void message.success(
        publishAt
          ? t('annadm.scheduled', { time: publishAt.format('YYYY-MM-DD HH:mm') })
          : t('announcementsAdmin.published'),
      );
      return true;
    } catch (err) {
      void message.error(errorText(err, t));
      return false;
    }
  }

  async function onUnpublish() {
    if (!id) return;
    try {
      await act.mutateAsync({ id, action: 'unpublish' });
      void message.success(t('announcementsAdmin.unpublished'));
    } catch (err) {
      void message.error(errorText(err, t));
    }
  }

  async function ensureSaved(): Promise<string | null> {
    if (id && !dirty.current) return id;
    const saved = await saveForm();
    return saved?.id ?? null;
  }

  if (id && detail.isPending) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (id && detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('announcementsAdmin.notFound') : errorText(detail.error, t)}
        extra={
          <Link to="/admin/announcements">
            <Button type="primary">{t('announcementsAdmin.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const current = id ? detail.data : undefined;
  const status = current?.status ?? 'draft';
  const attachments = current?.attachments ?? [];
  const attachmentUrl = (a: AnnouncementAttachment) =>
    `/api/admin/announcements/${encodeURIComponent(id ?? '')}/attachments/${encodeURIComponent(a.id)}`;
  const busy = save.isPending || act.isPending;

  return (
    <div style={{ paddingBottom: 72 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            <Space>
              <Button
                type="text"
                icon={<ArrowLeftOutlined />}
                aria-label={t('common.back')}
                onClick={() => void navigate('/admin/announcements')}
              />
              {id ? t('announcementsAdmin.editTitle') : t('announcementsAdmin.createTitle')}
              <AnnouncementStatusTag status={status} />
            </Space>
          }
          extra={
            current?.status === 'scheduled' ? (
              <Typography.Text type="secondary">
                <ClockCircleOutlined style={{ marginRight: 6 }} />
                {t('annadm.scheduledOn', { time: formatTime(current.publishedAt) })}
              </Typography.Text>
            ) : (
              current?.status === 'published' && (
                <Typography.Text type="secondary">
                  {t('announcementsAdmin.publishedOn', { time: formatTime(current.publishedAt) })}
                  <a
                    style={{ marginLeft: 16 }}
                    href={`/announcements/${current.id}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('announcementsAdmin.openPublic')}
                  </a>
                </Typography.Text>
              )
            )
          }
        >
          <Form
            form={form}
            name="announcement"
            layout="vertical"
            initialValues={
              current
                ? { title: current.title, bodyHtml: current.bodyHtml, pinned: current.pinned }
                : emptyValues
            }
            onValuesChange={() => dirty.current || setDirty(true)}
            style={{ maxWidth: 960 }}
          >
            <Form.Item
              name="title"
              label={t('announcementsAdmin.title')}
              required
              rules={[zodRule(announcementBodySchema, 'title', t)]}
            >
              <Input maxLength={200} showCount placeholder={t('announcementsAdmin.titlePlaceholder')} />
            </Form.Item>
            <Form.Item
              name="bodyHtml"
              label={t('announcementsAdmin.body')}
              rules={[zodRule(announcementBodySchema, 'bodyHtml', t)]}
            >
              <RichTextEditor
                aria-label={t('announcementsAdmin.body')}
                placeholder={t('announcementsAdmin.bodyPlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="pinned"
              label={t('announcementsAdmin.pinned')}
              valuePropName="checked"
              extra={t('announcementsAdmin.pinnedHint')}
            >
              <Switch aria-label={t('announcementsAdmin.pinned')} />
            </Form.Item>
          </Form>
        </Card>
        <Card title={t('announcementsAdmin.attachments')}>
          <AnnouncementAttachments
            attachments={attachments}
            announcementId={id}
            ensureSaved={ensureSaved}
            attachmentUrl={attachmentUrl}
          />
        </Card>
      </Space>
      <div
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          marginTop: 16,
          padding: '12px 24px',
          background: '#fff',
          borderTop: '1px solid #f0f0f0',
          boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
          display: 'flex',
          justifyContent: 'flex-end',
        }}
      >
        <Space>
          <Button onClick={() => void navigate('/admin/announcements')}>{t('common.back')}</Button>
          <Button icon={<EyeOutlined />} onClick={() => setPreviewOpen(true)}>
            {t('announcementsAdmin.preview')}
          </Button>
          <Button
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={busy}
            onClick={() => void onSave()}
          >
            {t('common.save')}
          </Button>
          {status !== 'published' && (
            <Button icon={<ClockCircleOutlined />} disabled={busy} onClick={() => setScheduleOpen(true)}>
              {status === 'scheduled' ? t('annadm.reschedule') : t('annadm.schedule')}
            </Button>
          )}
          {status !== 'published' && (
            <Popconfirm
              title={t('announcementsAdmin.confirm.publishFromEditor')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void onPublish()}
            >
              <Button type="primary" icon={<SendOutlined />} disabled={busy}>
                {status === 'scheduled' ? t('annadm.publishNow') : t('announcementsAdmin.publish')}
              </Button>
            </Popconfirm>
          )}
          {status !== 'draft' && (
            <Popconfirm
              title={t('announcementsAdmin.confirm.unpublish', { title: current?.title ?? '' })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void onUnpublish()}
            >
              <Button icon={<RollbackOutlined />} disabled={busy}>
                {t('announcementsAdmin.unpublish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <AnnouncementScheduleModal
        open={scheduleOpen}
        reschedule={status === 'scheduled'}
        current={current?.status === 'scheduled' ? current.publishedAt : null}
        busy={busy}
        onSchedule={async (at) => {
          if (await onPublish(at)) setScheduleOpen(false);
        }}
        onClose={() => setScheduleOpen(false)}
      />
      <Modal
        open={previewOpen}
        title={t('announcementsAdmin.previewTitle')}
        width={900}
        footer={<Button onClick={() => setPreviewOpen(false)}>{t('announcementsAdmin.closePreview')}</Button>}
        onCancel={() => setPreviewOpen(false)}
        destroyOnHidden
      >
        {previewOpen && (
          <AnnouncementPreview
            title={(form.getFieldValue('title') as string | undefined) ?? ''}
            bodyHtml={(form.getFieldValue('bodyHtml') as string | undefined) ?? ''}
            publishedAt={current?.publishedAt ?? null}
            pinned={Boolean(form.getFieldValue('pinned'))}
            attachments={attachments}
            attachmentUrl={attachmentUrl}
          />
        )}
      </Modal>
    </div>
  );
}
