import { z } from 'zod';
import { idSchema } from './common';

/** 附件: PDF, JPG or PNG, judged by the file's content, at most 20 MB each. */
export const attachmentMaxBytes = 20 * 1024 * 1024;
export const attachmentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];
/** For the file chooser's `accept`: what the server will take (it checks the content anyway). */
export const attachmentAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The file currently attached under one type. */
export const attachmentFileSchema = z.object({
  filename: z.string(),
  size: z.number().int(),
  mime: z.enum(attachmentMimeTypes),
  uploadedAt: z.string(),
  /** Who uploaded it: the contact name, else the user name. */
  uploadedBy: z.string(),
  /** Taken over automatically from the organisation's previous application under the same clause. */
  takenOver: z.boolean(),
});
export type AttachmentFile = z.infer<typeof attachmentFileSchema>;

/** One row of 附件信息: an attachment type with its marks and its current file, if any. */
export const applicationAttachmentSchema = z.object({
  typeCode: z.string(),
  name: z.string(),
  /** 必传. */
  required: z.boolean(),
  /** Taken over by the next application under the same clause. */
  reusable: z.boolean(),
  /**
   * The application's clause (and second-level clause) calls for this type. false only for a file left
   * from before the second-level clause changed: it can be viewed and deleted, not replaced.
   */
  applicable: z.boolean(),
  file: attachmentFileSchema.nullable(),
});
export type ApplicationAttachment = z.infer<typeof applicationAttachmentSchema>;

export const applicationAttachmentListResponseSchema = z.object({
  items: z.array(applicationAttachmentSchema),
});

export const attachmentTypeCodeSchema = z.string().regex(/^[a-z0-9_]{1,64}$/);
export const applicationAttachmentParamsSchema = z.object({
  id: idSchema,
  typeCode: attachmentTypeCodeSchema,
});

/** ?download=1 sends the file as a download; otherwise it opens in the browser. */
export const attachmentFileQuerySchema = z.object({ download: z.enum(['0', '1']).optional() });
