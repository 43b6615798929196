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
  applicationAccepted: (p) => ({
    subject: `CCC exemption application accepted (${p.number})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `Your organisation's CCC exemption application ${p.number} was accepted by ${p.bureauName} on ${p.at} and is now under review.`,
      'While under review it can neither be changed nor withdrawn; you will be told the decision by e-mail.',
      '',
      `Follow its progress at ${p.url}`,
    ],
  }),
  applicationReturned: (p) => ({
    subject: `CCC exemption application returned (${p.number})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `Your organisation's CCC exemption application ${p.number} was returned by ${p.bureauName} on ${p.at}.`,
      `Reason: ${p.reason}`,
      '',
      `Log in (${p.url}), correct the application under "CCC exemption applications" as the reason asks, and submit it again.`,
    ],
  }),
  applicationRefused: (p) => ({
    subject: `CCC exemption application refused (${p.number})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `After review, ${p.bureauName} decided on ${p.at} not to grant the exemption applied for in your organisation's application ${p.number}.`,
      `Reason: ${p.reason}`,
      '',
      `This decision is final: the application can no longer be changed or submitted. Details: ${p.url}`,
    ],
  }),
  certificateIssued: (p) => ({
    subject: `CCC exemption certificate issued (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `${p.bureauName} approved your organisation's CCC exemption application ${p.number} on ${p.at} and issued the certificate of exemption from compulsory product certification.`,
      `Certificate number: ${p.certificateNumber}`,
      '',
      `View and download the certificate after logging in: ${p.certificateUrl}`,
      `Anyone can verify it on the certificate verification page: ${p.verifyUrl}`,
      '',
      'Use the listed products only for the declared purpose, and submit the product usage records as required.',
    ],
  }),
  certificateRevoked: (p) => ({
    subject: `CCC exemption certificate revoked (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `Your organisation's certificate ${p.certificateNumber} (application ${p.number}) was revoked by ${p.bureauName} on ${p.at}.`,
      `Reason: ${p.reason}`,
      '',
      `The certificate is no longer valid; the verification page shows it as revoked: ${p.verifyUrl}`,
      'For questions, contact the accepting bureau.',
    ],
  }),
  applicationWithdrawn: (p) => ({
    subject: `CCC exemption application withdrawn by the applicant (${p.number})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `${p.organisationName} withdrew its CCC exemption application ${p.number}, which awaited acceptance, on ${p.at}.`,
      'It has left the list of applications awaiting acceptance and needs no action; it returns there when the applicant submits it again.',
    ],
  }),
  modificationApproved: (p) => ({
    subject: `Certificate modification approved (new number ${p.newCertificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `${p.bureauName} approved your organisation's modification of certificate ${p.certificateNumber} on ${p.at}.`,
      `The modified version is ${p.newCertificateNumber}; the original ${p.certificateNumber} is superseded by it and stays viewable.`,
      `View and download: ${p.url}`,
      `Verification: ${p.verifyUrl}`,
      'A certificate number can be modified once only; no further modification can be requested.',
    ],
  }),
  modificationReturned: (p) => ({
    subject: `Certificate modification returned (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `${p.bureauName} returned your organisation's modification request for certificate ${p.certificateNumber} on ${p.at}.`,
      `Reason: ${p.reason}`,
      '',
      `Please correct it as asked and submit it again: ${p.url}`,
    ],
  }),
  modificationRefused: (p) => ({
    subject: `Certificate modification refused (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `${p.bureauName} refused your organisation's modification request for certificate ${p.certificateNumber} on ${p.at}.`,
      `Reason: ${p.reason}`,
      '',
      `The certificate stays valid as issued. A certificate number can be modified once only, so no further modification can be requested: ${p.url}`,
    ],
  }),
  recordVerified: (p) => ({
    subject: `${p.kindEn} verified (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `The ${p.kindEn.toLowerCase()} your organisation submitted for certificate ${p.certificateNumber} was verified by ${p.bureauName} on ${p.at}.`,
      `Product records: ${p.url}`,
    ],
  }),
  recordReturned: (p) => ({
    subject: `${p.kindEn} returned (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `The ${p.kindEn.toLowerCase()} your organisation submitted for certificate ${p.certificateNumber} was returned by ${p.bureauName} on ${p.at}.`,
      `Reason: ${p.reason}`,
      '',
      `Please correct it and submit it again: ${p.url}`,
    ],
  }),
  reportReminder: (p) => ({
    subject: `Product records due soon (${p.certificateNumber})`,
    body: [
      `Dear ${p.recipientName},`,
      '',
      `The usage, re-export and destruction (write-off) records of certificate ${p.certificateNumber} must be submitted by ${p.deadline}: ${p.workingDaysLeft} working days are left.`,
      `Fill them in: ${p.url}`,
    ],
  }),
};
