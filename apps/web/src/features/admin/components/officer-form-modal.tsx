import { App as AntApp, Col, Form, Input, Modal, Row } from 'antd';
import { createOfficerBodySchema, updateOfficerBodySchema, type Officer } from '@ccc/domain';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { useCreateOfficer, useUpdateOfficer } from '../api/officers';
import { BureauSelect } from './bureau-select';
import { errorText } from './error-text';

interface Props {
  /** `null`: 新增审核人员; an officer: 修改 that officer. `undefined`: closed. */
  officer: Officer | null | undefined;
  onClose: () => void;
}

interface FormValues {
  username?: string;
  password?: string;
  contactName: string;
  mobile: string;
  email: string;
  phone?: string;
  bureauCode?: string;
}

/** 新增审核人员 / 修改审核人员: one form, the user name and initial password only when creating. */
export function OfficerFormModal({ officer, onClose }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const creating = officer === null;
  const open = officer !== undefined;
  const schema = creating ? createOfficerBodySchema : updateOfficerBodySchema;
  const create = useCreateOfficer();
  const update = useUpdateOfficer();
  const saving = create.isPending || update.isPending;

  const initialValues: Partial<FormValues> = officer
    ? {
        contactName: officer.contactName,
        mobile: officer.mobile,
        email: officer.email,
        phone: officer.phone ?? '',
        bureauCode: officer.bureauCode,
      }
    : {};

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    const values = form.getFieldsValue(true) as FormValues;
    try {
      if (creating) {
        await create.mutateAsync(createOfficerBodySchema.parse(values));
        void message.success(t('officers.created', { username: values.username ?? '' }));
      } else if (officer) {
        await update.mutateAsync({ id: officer.id, body: updateOfficerBodySchema.parse(values) });
        void message.success(t('common.saved'));
      }
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(errorText(err, t));
    }
  }

  const rule = (field: string) => [zodRule(schema, field, t)];

  return (
    <Modal
      open={open}
      title={creating ? t('officers.createTitle') : t('officers.editTitle')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="officer"
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        style={{ marginTop: 16 }}
        autoComplete="off"
      >
        <Row gutter={16}>
          <Col span={12}>
            {creating ? (
              <Form.Item name="username" label={t('officers.username')} required rules={rule('username')}>
                <Input maxLength={32} placeholder={t('officers.usernamePlaceholder')} autoComplete="off" />
              </Form.Item>
            ) : (
              <Form.Item label={t('officers.username')}>
                <Input value={officer?.username} disabled />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            {creating && (
              <Form.Item
                name="password"
                label={t('officers.initialPassword')}
                required
                rules={rule('password')}
                extra={t('account.passwordPolicy')}
              >
                <Input.Password maxLength={128} autoComplete="new-password" />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item
              name="contactName"
              label={t('officers.contactName')}
              required
              rules={rule('contactName')}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t('officers.mobile')} required rules={rule('mobile')}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t('officers.email')} required rules={rule('email')}>
              <Input maxLength={254} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('officers.phone')} rules={rule('phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="bureauCode" label={t('officers.bureau')} required rules={rule('bureauCode')}>
              <BureauSelect />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
