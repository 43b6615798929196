import type { MailTemplates } from './mail-types';

/** Chinese texts: the first part of every mail. */
export const mailZhCN: MailTemplates = {
  registrationActive: (p) => ({
    subject: '注册成功',
    body: [
      `${p.contactName}，您好：`,
      '',
      `您已成功注册CCC免办及特殊用途进口产品检测处理管理系统。`,
      `用户名：${p.username}`,
      `申请单位：${p.orgName}`,
      '',
      `请访问 ${p.url} 登录系统。`,
    ],
  }),
  registrationPending: (p) => ({
    subject: '注册已提交，等待本单位确认',
    body: [
      `${p.contactName}，您好：`,
      '',
      `您以用户名 ${p.username} 申请加入已注册的单位“${p.orgName}”。`,
      '该单位的现有用户或系统管理员确认后，您即可查看和办理本单位的业务；在此之前，您可以登录，但看不到本单位的任何信息。',
      '确认结果将通过邮件通知您。',
    ],
  }),
  joinRequest: (p) => ({
    subject: '新用户申请加入本单位，待确认',
    body: [
      `${p.recipientName}，您好：`,
      '',
      `用户 ${p.username}（联系人：${p.contactName}，邮箱：${p.email}，手机：${p.mobile}）于 ${p.at} 以本单位代码注册，申请加入“${p.orgName}”。`,
      `请登录系统（${p.url}），在“修改企业信息”的用户列表中确认或拒绝。`,
      '如您不认识该申请人，请拒绝。',
    ],
  }),
  membershipApproved: (p) => ({
    subject: '加入本单位的申请已通过',
    body: [
      `${p.contactName}，您好：`,
      '',
      `您（用户名 ${p.username}）加入“${p.orgName}”的申请已由 ${p.decidedBy} 确认通过。`,
      `现在可以登录系统（${p.url}）办理本单位的业务。`,
    ],
  }),
  membershipRejected: (p) => ({
    subject: '加入本单位的申请未通过',
    body: [
      `${p.contactName}，您好：`,
      '',
      `您（用户名 ${p.username}）加入“${p.orgName}”的申请未获确认。`,
      '如有疑问，请与该单位或系统管理员联系。',
    ],
  }),
  passwordResetCode: (p) => ({
    subject: '找回密码验证码',
    body: [
      `${p.username}，您好：`,
      '',
      `您正在找回密码，验证码为：${p.code}`,
      `验证码${p.minutes}分钟内有效，只能使用一次。`,
      '如非本人操作，请忽略本邮件，您的密码不会改变。',
    ],
  }),
  organisationChanged: (p) => ({
    subject: '本单位信息已修改',
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位（${p.orgCode}）的信息已于 ${p.at} 由用户 ${p.changedBy} 修改，对本单位的所有用户生效：`,
      ...p.changes.map((c) => `  ${c.labelZh}：“${c.before}” → “${c.after}”`),
      '',
      '如非本单位授权的修改，请及时登录系统核对并联系系统管理员。',
    ],
  }),
  applicationSubmitted: (p) => ({
    subject: `CCC免办申请已提交（${p.number}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的CCC免办申请（申请编号 ${p.number}）已于 ${p.at} 由用户 ${p.submittedBy} ${p.resubmission ? '修改后重新提交' : '提交'}，等待受理。`,
      `免办条款：${p.clauseName}`,
      `受理市场监督管理局：${p.bureauName}`,
      '',
      `受理前可在“CCC免办申请”中撤回；办理进度请登录系统（${p.url}）查看。`,
    ],
  }),
  applicationAccepted: (p) => ({
    subject: `CCC免办申请已受理（${p.number}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的CCC免办申请（申请编号 ${p.number}）已于 ${p.at} 由${p.bureauName}受理，现处于审核中。`,
      '审核期间申请不能修改或撤回；审核结果将通过邮件通知您。',
      '',
      `办理进度请登录系统查看：${p.url}`,
    ],
  }),
  applicationReturned: (p) => ({
    subject: `CCC免办申请被退回（${p.number}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的CCC免办申请（申请编号 ${p.number}）已于 ${p.at} 被${p.bureauName}退回。`,
      `退回理由：${p.reason}`,
      '',
      `请登录系统（${p.url}），在“CCC免办申请”中按退回理由修改后重新提交。`,
    ],
  }),
  applicationRefused: (p) => ({
    subject: `CCC免办申请不予免办（${p.number}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的CCC免办申请（申请编号 ${p.number}）经${p.bureauName}审核，于 ${p.at} 决定不予免办。`,
      `不予免办理由：${p.reason}`,
      '',
      `该决定为最终结果，申请不能再修改或提交。详情请登录系统查看：${p.url}`,
    ],
  }),
  certificateIssued: (p) => ({
    subject: `免予办理强制性产品认证证明已签发（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的CCC免办申请（申请编号 ${p.number}）已于 ${p.at} 经${p.bureauName}批准，免予办理强制性产品认证证明已签发。`,
      `证明号：${p.certificateNumber}`,
      '',
      `登录系统后查看和下载证明：${p.certificateUrl}`,
      `任何人可在证明查询页面核验该证明：${p.verifyUrl}`,
      '',
      '请按申报用途使用所列产品；后续须按要求提交产品使用记录。',
    ],
  }),
  certificateRevoked: (p) => ({
    subject: `免予办理强制性产品认证证明已被撤销（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位的免予办理强制性产品认证证明（证明号 ${p.certificateNumber}，申请编号 ${p.number}）已于 ${p.at} 被${p.bureauName}撤销。`,
      `撤销理由：${p.reason}`,
      '',
      `该证明自撤销之时起失效，证明查询页面显示为“已撤销”：${p.verifyUrl}`,
      '如有疑问，请与受理市场监督管理局联系。',
    ],
  }),
  applicationWithdrawn: (p) => ({
    subject: `CCC免办申请已被申请单位撤回（${p.number}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `${p.organisationName}已于 ${p.at} 撤回待受理的CCC免办申请（申请编号 ${p.number}）。`,
      '该申请已从待受理列表中移除，无需处理；申请单位重新提交后，将再次出现在待受理列表中。',
    ],
  }),
  modificationApproved: (p) => ({
    subject: `证明修改申请已批准（新证明号 ${p.newCertificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位对证明 ${p.certificateNumber} 的修改申请已于 ${p.at} 经${p.bureauName}批准。`,
      `修改版本的证明号为 ${p.newCertificateNumber}，原证明 ${p.certificateNumber} 已被修改版本取代，仍可查看。`,
      `查看与下载：${p.url}`,
      `证明查询：${p.verifyUrl}`,
      '每个证明号只能修改一次，此后不能再申请修改。',
    ],
  }),
  modificationReturned: (p) => ({
    subject: `证明修改申请已被退回（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位对证明 ${p.certificateNumber} 的修改申请已于 ${p.at} 被${p.bureauName}退回。`,
      `退回理由：${p.reason}`,
      '',
      `请按退回理由修改后重新提交：${p.url}`,
    ],
  }),
  modificationRefused: (p) => ({
    subject: `证明修改申请不予修改（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位对证明 ${p.certificateNumber} 的修改申请已于 ${p.at} 被${p.bureauName}决定不予修改。`,
      `理由：${p.reason}`,
      '',
      `原证明继续有效。每个证明号只能申请修改一次，该证明不能再申请修改：${p.url}`,
    ],
  }),
  recordVerified: (p) => ({
    subject: `产品${p.kindZh}已核查通过（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位就免办证明 ${p.certificateNumber} 提交的${p.kindZh}已于 ${p.at} 经${p.bureauName}核查通过。`,
      `查看产品使用记录：${p.url}`,
    ],
  }),
  recordReturned: (p) => ({
    subject: `产品${p.kindZh}被退回（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位就免办证明 ${p.certificateNumber} 提交的${p.kindZh}已于 ${p.at} 被${p.bureauName}退回。`,
      `退回理由：${p.reason}`,
      '',
      `请登录系统修改后重新提交：${p.url}`,
    ],
  }),
  reportReminder: (p) => ({
    subject: `产品使用记录填报即将到期（${p.certificateNumber}）`,
    body: [
      `${p.recipientName}，您好：`,
      '',
      `本单位免办证明 ${p.certificateNumber} 的产品使用、退运、销毁（核销）记录须于 ${p.deadline} 前填报并提交，距期限还有 ${p.workingDaysLeft} 个工作日。`,
      `请登录系统填报：${p.url}`,
    ],
  }),
};
