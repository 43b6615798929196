import { BankOutlined, ContactsOutlined, SaveOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, Input, Row, Skeleton } from 'antd';
import { profileUpdateBodySchema, type ProfileResponse, type ProfileUpdateBody } from '@ccc/domain';
import { useEffect, type ReactNode } from 'react';
import { DivisionCascader } from '../../../components/division-cascader';
import { PageHeader } from '../../../components/page-header';
import { useT } from '../../../lib/i18n';
import { applyServerErrors, zodRule } from '../../../lib/zod-form';
import { useProfile, useSaveProfile } from '../api/profile';
import { MembersCard } from './members-card';

type Field = keyof ProfileUpdateBody;

/** The form's values: the API's nulls become empty fields. */
function toValues(p: ProfileResponse): ProfileUpdateBody {
  return {
    orgNameZh: p.orgNameZh,
    orgNameEn: p.orgNameEn ?? undefined,
    divisionCode: p.divisionCode,
    orgAddress: p.orgAddress,
    orgPostcode: p.orgPostcode,
    orgRemark: p.orgRemark ?? undefined,
    contactName: p.contactName,
    mobile: p.mobile,
    email: p.email,
    phone: p.phone ?? undefined,
    fax: p.fax ?? undefined,
  };
}

const cardTitle = (icon: ReactNode, text: string) => (
  <span>
    <span style={{ marginRight: 8 }}>{icon}</span>
    {text}
  </span>
);

/** 修改企业信息: the user's contact and the organisation's shared information in one form; then 成员. */
export function ProfilePage() {
  const t = useT();
  const [form] = Form.useForm<ProfileUpdateBody>();
  const profile = useProfile();
  const save = useSaveProfile();
  const { message } = AntApp.useApp();
  const p = profile.data;

  useEffect(() => {
    if (p) form.setFieldsValue(toValues(p));
  }, [p, form]);

  const item = (field: Field, label: string, input: ReactNode, required = true) => (
    <Form.Item
      name={field}
      label={label}
      required={required}
      rules={[zodRule(profileUpdateBodySchema, field, t)]}
      validateFirst
    >
      {input}
    </Form.Item>
  );

  async function onFinish() {
    try {
      await save.mutateAsync(form.getFieldsValue(true) as ProfileUpdateBody);
      void message.success(t('profile.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err)) void message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      {profile.isError ? (
        <Alert type="error" showIcon title={profile.error.message} />
      ) : !p ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={() => void onFinish()}
          scrollToFirstError={{ block: 'center' }}
        >
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Card title={cardTitle(<UserOutlined />, t('profile.section.account'))}>
              <Descriptions
                column={2}
                items={[
                  { key: 'username', label: t('profile.username'), children: p.username },
                  { key: 'orgCode', label: t('register.orgCode'), children: p.orgCode },
                ]}
              />
            </Card>
            <Card title={cardTitle(<ContactsOutlined />, t('profile.section.contact'))}>
              <Row gutter={24}>
                <Col span={8}>{item('contactName', t('register.contactName'), <Input maxLength={50} />)}</Col>
                <Col span={8}>
                  {item('mobile', t('register.mobile'), <Input maxLength={11} inputMode="tel" />)}
                </Col>
                <Col span={8}>
                  {item('email', t('register.email'), <Input maxLength={254} type="email" />)}
                </Col>
                <Col span={8}>{item('phone', t('register.phone'), <Input maxLength={30} />, false)}</Col>
                <Col span={8}>{item('fax', t('register.fax'), <Input maxLength={30} />, false)}</Col>
              </Row>
            </Card>
            <Card title={cardTitle(<BankOutlined />, t('profile.section.organisation'))}>
              <Alert type="warning" showIcon title={t('profile.orgShared')} style={{ marginBottom: 20 }} />
              <Row gutter={24}>
                <Col span={12}>{item('orgNameZh', t('register.orgNameZh'), <Input maxLength={200} />)}</Col>
                <Col span={12}>
                  {item('orgNameEn', t('register.orgNameEn'), <Input maxLength={300} />, false)}
                </Col>
                <Col span={12}>{item('divisionCode', t('register.division'), <DivisionCascader />)}</Col>
                <Col span={12}>
                  {item(
                    'orgPostcode',
                    t('register.orgPostcode'),
                    <Input maxLength={6} inputMode="numeric" />,
                  )}
                </Col>
                <Col span={24}>{item('orgAddress', t('register.orgAddress'), <Input maxLength={300} />)}</Col>
                <Col span={24}>
                  {item(
                    'orgRemark',
                    t('register.orgRemark'),
                    <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />,
                    false,
                  )}
                </Col>
              </Row>
            </Card>
            <div style={{ textAlign: 'center' }}>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                icon={<SaveOutlined />}
                loading={save.isPending}
                style={{ minWidth: 140 }}
              >
                {t('common.save')}
              </Button>
            </div>
          </div>
        </Form>
      )}
      {p && (
        <div style={{ marginTop: 24 }}>
          <MembersCard />
        </div>
      )}
    </>
  );
}
