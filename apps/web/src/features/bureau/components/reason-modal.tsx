import { Alert, Form, Input, Modal } from 'antd';
import { decisionReasonBodySchema } from '@ccc/domain';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';

export const REASON_MAX = 2000;

/**
 * A decision that needs a reason (退回, 不予免办, 撤销证明): the reason is required, and shown to the
 * enterprise as written. `onSubmit` throws to keep the dialog open (the server's field errors are shown on
 * the field); it resolves to close it.
 */
export function ReasonModal({
  open,
  title,
  label,
  requiredMessage,
  notice,
  danger,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  /** 退回理由, 不予免办理由, 撤销理由. */
  label: string;
  /** 请填写退回理由 …, in the user's language. */
  requiredMessage: string;
  /** What the decision does, said before it is made. */
  notice: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSubmit(reason);
      onClose();
    } catch (err) {
      applyServerErrors(form, err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={notice} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="vertical" preserve={false} autoComplete="off">
        <Form.Item
          name="reason"
          label={label}
          required
          validateFirst
          rules={[
            { required: true, whitespace: true, message: requiredMessage },
            zodRule(decisionReasonBodySchema, 'reason', t),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 12 }}
            maxLength={REASON_MAX}
            showCount
            placeholder={t('bureau.decision.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
