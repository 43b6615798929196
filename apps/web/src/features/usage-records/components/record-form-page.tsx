import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import {
  recordBodySchema,
  type CertificateRecordsResponse,
  type RecordBody,
  type RecordKind,
  type UsageRecord,
} from '@ccc/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { formatTime } from '../../admin/components/format';
import { useCertificateRecords, useSaveRecord, useSubmitRecord } from '../api';
import { RecordLinesGrid } from './record-lines-grid';
import { CertificateRecordsHeader, RecordStatusTag, ReturnedNotice, isRecordKind } from './record-parts';
import { recordBody, recordFormFields } from './record-body';
import {
  b2lines,
  formField,
  initialValues,
  RecordFields,
  translateIssue,
  type CellErrors,
  type FormValues,
  type LineInput,
} from './record-fields';
import '../../../components/decision-alert.css';

/**
 * 填写使用记录 / 填写退运记录 / 填写销毁记录 / 填写核销记录 (manual 2.6.1) and 修改 of an unsent or returned record:
 * the record's own fields above, the products grid below with the quantity (and for 退运 / 销毁 the date) typed
 * straight into the cells; 保存 / 提交 / 返回. A record the enterprise can no longer change shows read-only.
 */
export function RecordFormPage() {
  const t = useT();
  const { number = '', kind: kindParam, recordId } = useParams();
  const data = useCertificateRecords(number);
  const d = data.data;

  if (data.isError) {
    return (
      <Result
        status={data.error instanceof ApiError && data.error.status === 404 ? '404' : 'error'}
        title={errorText(data.error, t)}
        extra={<Link to="/portal/applications">{t('apps.backToList')}</Link>}
      />
    );
  }
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  const record = recordId ? d.records.find((r) => r.id === recordId) : undefined;
  if (recordId && !record) {
    return (
      <Result
        status="404"
        title={t('rec.notFound')}
        extra={
          <Link to={`/portal/certificates/${encodeURIComponent(number)}/records`}>
            {t('rec.backToRecords')}
          </Link>
        }
      />
    );
  }
  const kind: RecordKind | null = record ? record.kind : isRecordKind(kindParam) ? kindParam : null;
  if (!kind) return <Result status="404" title={t('app.notFound')} />;
  return (
    <RecordForm
      key={record ? `${record.id}-${record.updatedAt}` : kind}
      number={number}
      data={d}
      kind={kind}
      record={record}
    />
  );
}

function RecordForm({
  number,
  data,
  kind,
  record,
}: {
  number: string;
  data: CertificateRecordsResponse;
  kind: RecordKind;
  record: UsageRecord | undefined;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveRecord(number);
  const submit = useSubmitRecord(number);
  const back = `/portal/certificates/${encodeURIComponent(number)}/records`;
  const issueDate = data.certificate.issueDate;
  const editable = record ? record.actions.includes('edit') : data.allowedKinds.includes(kind);
  const dated = kind === 'reexport' || kind === 'destruction';
  const hasGrid = kind !== 'writeoff';

  const [lines, setLines] = useState<Record<number, LineInput>>(() => {
    const m: Record<number, LineInput> = {};
    for (const l of record?.lines ?? []) m[l.lineNo] = { quantity: l.quantity, date: l.date };
    return m;
  });
  const [cellErrors, setCellErrors] = useState<CellErrors>({});
  const [gridError, setGridError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Products picked on the list come first; the grid always offers every product of the certificate.
  const picked = useMemo(
    () => new Set((params.get('lines') ?? '').split(',').filter(Boolean).map(Number)),
    [params],
  );
  const products = useMemo(() => {
    const rows = [...data.products];
    if (picked.size) rows.sort((a, b) => Number(picked.has(b.lineNo)) - Number(picked.has(a.lineNo)));
    return rows;
  }, [data.products, picked]);

  function setLine(lineNo: number, patch: Partial<LineInput>) {
    setLines((all) => ({ ...all, [lineNo]: { quantity: null, date: null, ...all[lineNo], ...patch } }));
    setCellErrors((e) => ({ ...e, [lineNo]: {} }));
    setGridError(null);
  }

  /** The lines sent: every product with a quantity, in the certificate's order. */
  function sentLines() {
    return data.products
      .filter((p) => (lines[p.lineNo]?.quantity ?? '').trim() !== '')
      .map((p) => ({
        lineNo: p.lineNo,
        quantity: lines[p.lineNo]!.quantity!.trim(),
        date: dated ? (lines[p.lineNo]!.date ?? '') : null,
      }));
  }

  function body(): RecordBody {
    return recordBody(kind, form.getFieldsValue(true) as FormValues, sentLines());
  }

  /**
   * Puts issues where they belong: `lines.<i>.<field>` on the grid's row (i indexes the lines sent), the rest on
   * the form. Returns whether there were any.
   */
  function showIssues(issues: { path: string; message: string }[], sent: { lineNo: number }[]): boolean {
    const cells: CellErrors = {};
    const fields = new Map<keyof FormValues, string[]>();
    let grid: string | null = null;
    for (const issue of issues) {
      const m = /^lines(?:\.(\d+)(?:\.(\w+))?)?$/.exec(issue.path);
      if (m) {
        const lineNo = m[1] === undefined ? undefined : sent[Number(m[1])]?.lineNo;
        if (lineNo === undefined) grid = issue.message;
        else {
          const slot = m[2] === 'date' ? 'date' : m[2] === 'quantity' ? 'quantity' : 'line';
          cells[lineNo] = { ...cells[lineNo], [slot]: issue.message };
        }
        continue;
      }
      const f = formField(issue.path);
      // One message per field (the period's two ends would repeat it).
      if (f) fields.set(f, fields.get(f) ?? [issue.message]);
      else grid = grid ?? issue.message;
    }
    setCellErrors(cells);
    setGridError(grid);
    form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
    return Object.keys(cells).length > 0 || fields.size > 0 || grid !== null;
  }

  /** The same rules as the server's, checked before sending. */
  function validate(b: RecordBody): boolean {
    form.setFields(recordFormFields.map((name) => ({ name, errors: [] })));
    const result = recordBodySchema.safeParse(b);
    if (result.success) {
      setCellErrors({});
      setGridError(null);
      return true;
    }
    const issues = result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: translateIssue(t, i.message, i.code),
    }));
    showIssues(issues, b.lines ?? []);
    return false;
  }

  /** 保存: returns the saved record (created or changed), or null when it was refused. */
  async function doSave(): Promise<UsageRecord | null> {
    const b = body();
    setRefusal(null);
    if (!validate(b)) {
      void message.error(t('rec.fixErrors'));
      return null;
    }
    try {
      return await save.mutateAsync({ id: record?.id, body: b });
    } catch (err) {
      if (err instanceof ApiError) {
        const shown = showIssues(err.fields, b.lines ?? []);
        const lineProblems = err.fields.filter((f) => f.path.startsWith('lines.')).map((f) => f.message);
        if (shown && lineProblems.length) setRefusal([err.message, ...lineProblems].join('\n'));
      }
      void message.error(errorText(err, t));
      return null;
    }
  }

  async function onSave() {
    const saved = await doSave();
    if (!saved) return;
    void message.success(t('rec.saved'));
    if (!record) void navigate(`${back}/${encodeURIComponent(saved.id)}`, { replace: true });
  }

  async function onSubmit() {
    const saved = await doSave();
    if (!saved) return;
    try {
      await submit.mutateAsync(saved.id);
      void message.success(t('rec.submitted'));
      void navigate(back);
    } catch (err) {
      if (!record) void navigate(`${back}/${encodeURIComponent(saved.id)}`, { replace: true });
      if (err instanceof ApiError) showIssues(err.fields, b2lines(saved));
      void message.error(errorText(err, t));
    }
  }

  const disabledDate = (v: Dayjs) => v.isBefore(dayjs(issueDate), 'day') || v.isAfter(dayjs(), 'day');
  const busy = save.isPending || submit.isPending;
  const title = record
    ? t(editable ? 'rec.editTitle' : 'rec.viewTitle', { kind: t(`rec.one.${kind}`) })
    : t(`rec.fill.${kind}`);

  return (
    <>
      <PageHeader title={title} description={t(`rec.form.description.${kind}`)} />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {record?.status === 'returned' && <ReturnedNotice record={record} />}
        <CertificateRecordsHeader data={data} />
        {record && (
          <Space size={8}>
            <Typography.Text type="secondary">{t('common.status')}</Typography.Text>
            <RecordStatusTag status={record.status} />
            {record.submittedAt && (
              <Typography.Text type="secondary">
                {t('rec.submittedAt', { time: formatTime(record.submittedAt) })}
              </Typography.Text>
            )}
          </Space>
        )}
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('rec.refused')}
            description={<span className="reason-text">{refusal}</span>}
          />
        )}
        <Card title={t(`rec.one.${kind}`)}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={initialValues(record)}
            disabled={!editable}
          >
            <RecordFields kind={kind} t={t} disabledDate={disabledDate} />
          </Form>
        </Card>
        {hasGrid ? (
          <Card
            title={t('rec.grid.title')}
            extra={<Typography.Text type="secondary">{t(`rec.grid.hint.${kind}`)}</Typography.Text>}
          >
            {gridError && (
              <Alert type="error" showIcon role="alert" title={gridError} style={{ marginBottom: 12 }} />
            )}
            <RecordLinesGrid
              kind={kind}
              products={products}
              lines={lines}
              cellErrors={cellErrors}
              editable={editable}
              disabledDate={disabledDate}
              setLine={setLine}
            />
          </Card>
        ) : null}
      </div>
      <div className="rec-actions">
        <Space>
          {editable && (
            <Button
              icon={<SaveOutlined aria-hidden />}
              disabled={busy}
              loading={save.isPending && !submit.isPending}
              onClick={() => void onSave()}
            >
              {t('common.save')}
            </Button>
          )}
          {editable && (
            <Popconfirm
              title={t('rec.submit.confirm')}
              description={t('rec.submit.note')}
              okText={t('common.submit')}
              onConfirm={() => void onSubmit()}
            >
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy}>
                {t('common.submit')}
              </Button>
            </Popconfirm>
          )}
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(back)}>
            {t('common.back')}
          </Button>
        </Space>
      </div>
    </>
  );
}
