import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * The files attached to an application (附件信息): one current file per application and attachment type
 * (上传附件 replaces it), each stored content-addressed (files) and referenced through file_references
 * with the owner ('application_attachment', id).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('application_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('attachment_type_code', 'text', (c) => c.notNull().references('attachment_types.code'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    // The name the file had on the uploader's computer (cleaned), shown and used for downloads.
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Sniffed from the content, never taken from the name or the browser.
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    // Set when the row was taken over from the organisation's previous application under the clause.
    .addColumn('taken_over_from', 'text')
    .addUniqueConstraint('application_attachments_type', ['application_id', 'attachment_type_code'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The attachments migration cannot be reverted; restore a backup instead.');
}
