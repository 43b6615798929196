import type { MailTemplates } from './mail-types';

/** English texts: printed below the Chinese in every mail. */
export const mailEnUS: MailTemplates = {
  registrationActive: (p) => ({
    subject: 'Registration complete',
    body: [
      `Dear ${p.contactName},`,
      '',
      'You have registered with the CCC exemption and special-use import management system.',
      `User name: ${p.username}`,
      `Organisation: ${p.orgName}`,
      '',
      `Log in at ${p.url}.`,
    ],
  }),
  registrationPending: (p) => ({
    subject: 'Registration received: waiting for your organisation',
    body: [
      `Dear ${p.contactName},`,
      '',
      `You asked, as user ${p.username}, to join the registered organisation "${p.orgName}".`,
      'Once one of its users or an administrator approves, you can see and handle its business; until then you can log in but see nothing of the organisation.',
      'You will be told the decision by e-mail.',
    ],
  }),
  joinRequest: (p) => ({
    subject: 'A new user asks to join your organisation',
    body: [
      `Dear ${p.recipientName},`,
      '',
      `User ${p.username} (contact ${p.contactName}, e-mail ${p.email}, mobile ${p.mobile}) registered on ${p.at} with your organisation's code and asks to join "${p.orgName}".`,
      `Log in (${p.url}) and approve or reject the request in the user list under "修改企业信息" (enterprise information).`,
      'If you do not know this person, reject the request.',
    ],
  }),
  membershipApproved: (p) => ({
    subject: 'Your request to join the organisation was approved',
    body: [
      `Dear ${p.contactName},`,
      '',
      `Your request (user ${p.username}) to join "${p.orgName}" was approved by ${p.decidedBy}.`,
      `You can now log in (${p.url}) and handle the organisation's business.`,
    ],
  }),
  membershipRejected: (p) => ({
    subject: 'Your request to join the organisation was rejected',
    body: [
      `Dear ${p.contactName},`,
      '',
      `Your request (user ${p.username}) to join "${p.orgName}" was not approved.`,
      'If you have questions, contact the organisation or the administrator.',
    ],
  }),
  passwordResetCode: (p) => ({
    subject: 'Password recovery code',
    body: [
      `Dear ${p.username},`,
      '',
      `Your password recovery code is: ${p.code}`,
      `It is valid for ${p.minutes} minutes and can be used once.`,
      'If you did not ask for it, ignore this mail: your password stays unchanged.',
    ],
  }),
  organisationChanged: (p) => ({
    subject: "Your organisation's information was changed",
    body: [
      `Dear ${p.recipientName},`,
      '',
      `The information of your organisation (${p.orgCode}) was changed on ${p.at} by user ${p.changedBy}, for all its users:`,
      ...p.changes.map((c) => `  ${c.labelEn}: "${c.before}" → "${c.after}"`),
      '',
      'If this change was not authorised, log in to check it and contact the administrator.',
    ],
  }),
  applicationSubmitted: (p) => ({
    subject: `CCC exemption application submitted (${p.number})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `Your organisation's CCC exemption application ${p.number} was ${p.resubmission ? 'corrected and submitted again' : 'submitted'} on ${p.at} by user ${p.submittedBy} and awaits acceptance.`,
      `Exemption clause: ${p.clauseName}`,
      `Accepting bureau: ${p.bureauName}`,
      '',
      `Until it is accepted it can be withdrawn under "CCC exemption applications"; follow its progress at ${p.url}.`,
    ],
  }),
};
