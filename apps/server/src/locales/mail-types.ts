/** The parameters of each server-side mail. Times are already formatted (formatChinaTime). */
export interface MailParams {
  registrationActive: { username: string; contactName: string; orgName: string; url: string };
  registrationPending: { username: string; contactName: string; orgName: string };
  joinRequest: {
    recipientName: string;
    username: string;
    contactName: string;
    email: string;
    mobile: string;
    orgName: string;
    at: string;
    url: string;
  };
  membershipApproved: {
    username: string;
    contactName: string;
    orgName: string;
    decidedBy: string;
    url: string;
  };
  membershipRejected: { username: string; contactName: string; orgName: string };
  passwordResetCode: { username: string; code: string; minutes: number };
  organisationChanged: {
    recipientName: string;
    orgCode: string;
    changedBy: string;
    at: string;
    changes: { labelZh: string; labelEn: string; before: string; after: string }[];
  };
  applicationSubmitted: {
    recipientName: string;
    number: string;
    clauseName: string;
    bureauName: string;
    submittedBy: string;
    at: string;
    /** Submitted again after the bureau returned it. */
    resubmission: boolean;
    url: string;
  };
  applicationAccepted: {
    recipientName: string;
    number: string;
    bureauName: string;
    at: string;
    url: string;
  };
  applicationReturned: {
    recipientName: string;
    number: string;
    bureauName: string;
    at: string;
    reason: string;
    url: string;
  };
  applicationRefused: {
    recipientName: string;
    number: string;
    bureauName: string;
    at: string;
    reason: string;
    url: string;
  };
  certificateIssued: {
    recipientName: string;
    number: string;
    certificateNumber: string;
    bureauName: string;
    at: string;
    /** Opens the certificate (PDF) for a logged-in user of the organisation. */
    certificateUrl: string;
    /** The public verification page of the certificate. */
    verifyUrl: string;
  };
  certificateRevoked: {
    recipientName: string;
    number: string;
    certificateNumber: string;
    bureauName: string;
    at: string;
    reason: string;
    verifyUrl: string;
  };
  /** To the bureau's officers: an enterprise took back a case that waited for acceptance. */
  applicationWithdrawn: {
    recipientName: string;
    number: string;
    organisationName: string;
    at: string;
  };
  /** 申请修改证明 approved: the modified version replaces the original. */
  modificationApproved: {
    recipientName: string;
    certificateNumber: string;
    newCertificateNumber: string;
    bureauName: string;
    at: string;
    url: string;
    verifyUrl: string;
  };
  /** 申请修改证明 returned with a reason: correct and submit again. */
  modificationReturned: {
    recipientName: string;
    certificateNumber: string;
    bureauName: string;
    at: string;
    reason: string;
    url: string;
  };
  /** 不予修改 (final: the single modification of the number is used). */
  modificationRefused: {
    recipientName: string;
    certificateNumber: string;
    bureauName: string;
    at: string;
    reason: string;
    url: string;
  };
  /** 后续监管: a usage / re-export / destruction / write-off record was verified (核查通过). */
  recordVerified: {
    recipientName: string;
    certificateNumber: string;
    kindZh: string;
    kindEn: string;
    bureauName: string;
    at: string;
    url: string;
  };
  /** 后续监管: a record was returned with a reason; the enterprise corrects and submits it again. */
  recordReturned: {
    recipientName: string;
    certificateNumber: string;
    kindZh: string;
    kindEn: string;
    bureauName: string;
    at: string;
    reason: string;
    url: string;
  };
  /** A certificate's usage reports are due soon. `deadline` is the China date of the last day. */
  reportReminder: {
    recipientName: string;
    certificateNumber: string;
    deadline: string;
    workingDaysLeft: number;
    url: string;
  };
}

export type MailName = keyof MailParams;

export type MailTemplates = {
  [K in MailName]: (p: MailParams[K]) => { subject: string; body: string[] };
};
