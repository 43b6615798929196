import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { ApplicationAttachmentsTable, Database } from '../../db/schema';

/** All SQL of the attachments module: `application_attachments`. */

type Tx = Transaction<Database> | Db;
export type AttachmentRow = Selectable<ApplicationAttachmentsTable>;

/** The owner type under which an application attachment refers to its stored file (file_references). */
export const ATTACHMENT_OWNER = 'application_attachment';

export const attachmentsRepository = {
  listForApplication: (db: Tx, applicationId: string) =>
    db
      .selectFrom('application_attachments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .execute(),

  find: (db: Tx, applicationId: string, typeCode: string) =>
    db
      .selectFrom('application_attachments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('attachment_type_code', '=', typeCode)
      .executeTakeFirst(),

  insert: (trx: Tx, row: AttachmentRow) => trx.insertInto('application_attachments').values(row).execute(),

  update: (trx: Tx, id: string, set: Updateable<ApplicationAttachmentsTable>) =>
    trx.updateTable('application_attachments').set(set).where('id', '=', id).execute(),

  remove: (trx: Tx, id: string) => trx.deleteFrom('application_attachments').where('id', '=', id).execute(),
};
