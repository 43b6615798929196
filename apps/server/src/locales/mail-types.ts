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
}

export type MailName = keyof MailParams;

export type MailTemplates = {
  [K in MailName]: (p: MailParams[K]) => { subject: string; body: string[] };
};
