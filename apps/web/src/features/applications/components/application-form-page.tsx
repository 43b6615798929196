import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Result, Skeleton, Space, Typography } from 'antd';
import {
  documentNumberFields,
  isEditableStatus,
  makeApplicationBodySchema,
  type AddressType,
  type ApplicationDetail,
  type Clause,
} from '@ccc/domain';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useProfile } from '../../profile/api/profile';
import { useApplication, useSaveApplication, useSubmitApplication } from '../api/applications';
import { useClauses } from '../api/clauses';
import { useAddressTypes } from '../api/reference';
import { ApplicationFields } from './application-fields';
import { attachmentAnchor, AttachmentsSection } from './attachments-section';
import {
  fieldErrorsOf,
  formFieldOf,
  placeServerErrors,
  toBody,
  toFormValues,
  type ApplicationFormValues,
} from './form-model';
import { PRODUCTS_ANCHOR, ProductsSection } from './products-section';
import { ReturnReason } from './return-reason';
import { StatusTag } from './status-tag';
import { SubmitProblems, type Problem } from './submit-problems';
import './applications.css';

const PROBLEMS_ANCHOR = 'apps-submit-problems';

function scrollToId(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

/** 新增申请 and 修改: loads what the form needs, then the editor. */
export function ApplicationFormPage() {
  const t = useT();
  const { id } = useParams();
  const detail = useApplication(id);
  const clauses = useClauses();
  const addressTypes = useAddressTypes();
  const profile = useProfile();

  const error = (id && detail.error) || clauses.error || addressTypes.error;
  if (error) {
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={errorText(error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  const ready = clauses.data && addressTypes.data && (id ? detail.data : profile.data || profile.isError);
  if (!ready) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (detail.data && !isEditableStatus(detail.data.status)) {
    return (
      <Result
        status="info"
        title={t('apps.form.notEditable', {
          number: detail.data.number,
          status: t(`apps.status.${detail.data.status}`),
        })}
        extra={
          <Space>
            <Link to={`/portal/applications/${detail.data.id}`}>{t('apps.form.toDetail')}</Link>
            <Link to="/portal/applications">{t('apps.backToList')}</Link>
          </Space>
        }
      />
    );
  }
  return (
    <ApplicationEditor
      key={id ?? 'new'}
      detail={detail.data}
      clauses={clauses.data.items}
      addressTypes={addressTypes.data.items}
      defaultDivision={profile.data?.divisionCode}
    />
  );
}

function ApplicationEditor({
  detail,
  clauses,
  addressTypes,
  defaultDivision,
}: {
  detail: ApplicationDetail | undefined;
  clauses: Clause[];
  addressTypes: AddressType[];
  defaultDivision: string | undefined;
}) {
  const t = useT();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<ApplicationFormValues>();
  const save = useSaveApplication();
  const submit = useSubmitApplication();
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problem[] | null>(
    () => (location.state as { problems?: Problem[] } | null)?.problems ?? null,
  );
  const schema = useMemo(() => makeApplicationBodySchema({ clauses, addressTypes }), [clauses, addressTypes]);
  // Only the values the editor opened with: later saves do not reset what the user types.
  const [initialValues] = useState<ApplicationFormValues>(() =>
    detail ? toFormValues(detail) : { locationDivisionCode: defaultDivision },
  );
  const subClause = Form.useWatch('subClauseCode', form);
  const subClauseChanged = !!detail && (subClause ?? null) !== detail.fields.subClauseCode;

  // Items of the last 提交 that the saved application now has drop out of the list.
  const open = (problems ?? []).filter((p) => {
    if (!detail) return true;
    if (p.path === 'products') return detail.products.length === 0;
    if (p.path.startsWith('attachments.')) {
      const a = detail.attachments.find((x) => `attachments.${x.typeCode}` === p.path);
      return !a?.file;
    }
    if ((documentNumberFields as readonly string[]).includes(p.path)) {
      return documentNumberFields.every((f) => detail.fields[f] === null);
    }
    const saved: unknown = (detail.fields as Record<string, unknown>)[p.path];
    return saved === null || saved === undefined;
  });

  function jump(path: string) {
    if (path === 'products') scrollToId(PRODUCTS_ANCHOR);
    else if (path.startsWith('attachments.')) scrollToId(attachmentAnchor(path.slice('attachments.'.length)));
    else {
      const field = formFieldOf(path);
      form.scrollToField(field, { block: 'center', focus: true });
    }
  }

  /** 保存; returns the saved application, or null when something must be corrected first. */
  async function saveForm(opts: { quiet?: boolean } = {}): Promise<ApplicationDetail | null> {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return null;
    }
    try {
      const saved = await save.mutateAsync({
        id: detail?.id,
        body: toBody(form.getFieldsValue(true) as ApplicationFormValues),
      });
      setDirty(false);
      if (!opts.quiet) {
        void message.success(detail ? t('common.saved') : t('apps.form.created', { number: saved.number }));
      }
      return saved;
    } catch (err) {
      const placed = placeServerErrors(form, fieldErrorsOf(err));
      if (placed[0]) form.scrollToField(placed[0], { block: 'center' });
      else void message.error(errorText(err, t));
      return null;
    }
  }

  async function onSave() {
    const saved = await saveForm();
    // The first save gives the number: from now on this is that application's form.
    if (saved && !detail) void navigate(`/portal/applications/${saved.id}/edit`, { replace: true });
  }

  async function doSubmit() {
    const saved = !detail || dirty ? await saveForm({ quiet: !!detail }) : detail;
    if (!saved) return;
    try {
      await submit.mutateAsync(saved.id);
      void message.success(t('apps.submit.done', { number: saved.number }));
      void navigate('/portal/applications');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'APPLICATION_INCOMPLETE') {
        if (!detail) {
          void navigate(`/portal/applications/${saved.id}/edit`, {
            replace: true,
            state: { problems: err.fields },
          });
          return;
        }
        setProblems(err.fields);
        placeServerErrors(form, err.fields);
        setTimeout(() => scrollToId(PROBLEMS_ANCHOR), 50);
      } else void message.error(errorText(err, t));
    }
  }

  function onSubmit() {
    modal.confirm({
      title: t('apps.submit.confirm', { number: detail?.number ?? t('apps.form.newNumber') }),
      content: t('apps.submit.note'),
      okText: t('common.submit'),
      cancelText: t('common.cancel'),
      onOk: () => doSubmit(),
    });
  }

  function onBack() {
    if (!dirty) {
      void navigate('/portal/applications');
      return;
    }
    modal.confirm({
      title: t('apps.form.leaveTitle'),
      content: t('apps.form.leaveNote'),
      okText: t('apps.form.leave'),
      cancelText: t('common.cancel'),
      onOk: () => void navigate('/portal/applications'),
    });
  }

  return (
    <>
      <PageHeader
        title={detail ? t('apps.form.editTitle') : t('apps.new')}
        description={t('apps.form.description')}
        extra={
          <Space size="middle" align="center">
            <Typography.Text>
              {t('apps.form.number')}
              <Typography.Text strong copyable={!!detail} data-testid="application-number">
                {detail?.number ?? t('apps.form.newNumber')}
              </Typography.Text>
            </Typography.Text>
            {detail && <StatusTag status={detail.status} />}
          </Space>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, paddingBottom: 72 }}>
        {detail?.status === 'returned' && <ReturnReason reason={detail.returnReason} />}
        {open.length > 0 && (
          <div id={PROBLEMS_ANCHOR}>
            <SubmitProblems problems={open} onJump={jump} onClose={() => setProblems(null)} />
          </div>
        )}
        <Card title={t('apps.form.section')}>
          <Form<ApplicationFormValues>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onValuesChange={() => setDirty(true)}
            aria-label={t('apps.form.section')}
          >
            <ApplicationFields
              form={form}
              schema={schema}
              clauses={clauses}
              fixed={detail ? { bureauName: detail.names.bureau } : null}
            />
          </Form>
        </Card>
        <ProductsSection
          applicationId={detail?.id}
          products={detail?.products ?? []}
          editable
          highlighted={open.some((p) => p.path === 'products')}
        />
        <AttachmentsSection
          applicationId={detail?.id}
          attachments={detail?.attachments ?? []}
          editable
          highlighted={open.flatMap((p) =>
            p.path.startsWith('attachments.') ? [p.path.slice('attachments.'.length)] : [],
          )}
          notice={subClauseChanged ? t('apps.attachments.subClauseChanged') : undefined}
        />
      </div>
      <div className="apps-form-actions">
        <Space size="middle">
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending && !submit.isPending}
            onClick={() => void onSave()}
          >
            {t('common.save')}
          </Button>
          <Button icon={<SendOutlined aria-hidden />} loading={submit.isPending} onClick={onSubmit}>
            {t('common.submit')}
          </Button>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={onBack}>
            {t('common.back')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('apps.form.unsaved')}</Typography.Text>}
        </Space>
      </div>
    </>
  );
}
