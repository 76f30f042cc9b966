import { Injectable } from '@nestjs/common';
import type { AttachmentSlice, MailAttachmentMeta } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import type { ParsedAttachment } from '../filing/parsed-message';

@Injectable()
export class AttachmentsRepository {
  /** Store a message's attachments (again, harmlessly, if a filing is retried); their metadata with ids. */
  async store(tx: Tx, accountId: number, rawMessageId: string, attachments: ParsedAttachment[]): Promise<MailAttachmentMeta[]> {
    const stored: MailAttachmentMeta[] = [];
    for (const attachment of attachments) {
      const [row] = await tx.rows<{ id: string }>(
        `INSERT INTO mail_ingest.attachments (raw_message_id, account_id, position, filename, content_type, content_id, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (raw_message_id, position) DO UPDATE SET sha256 = excluded.sha256 RETURNING id`,
        [rawMessageId, accountId, attachment.position, attachment.filename, attachment.contentType, attachment.contentId, attachment.content.length, attachment.sha256, attachment.content],
      );
      stored.push({
        id: Number(row.id),
        filename: attachment.filename,
        content_type: attachment.contentType,
        size: attachment.content.length,
        content_id: attachment.contentId,
        sha256: attachment.sha256,
      });
    }
    return stored;
  }

  /** Bytes [offset, offset + length) of an attachment, without loading the rest. */
  async slice(tx: Tx, accountId: number, id: number, offset: number, length: number): Promise<AttachmentSlice | null> {
    const rows = await tx.rows<{ filename: string | null; content_type: string; size: number; data: Buffer }>(
      `SELECT filename, content_type, size, substring(content FROM $3 FOR $4) AS data
       FROM mail_ingest.attachments WHERE account_id = $1 AND id = $2`,
      [accountId, id, offset + 1, length],
    );
    const row = rows[0];
    return row ? { filename: row.filename, content_type: row.content_type, size: row.size, offset, data: row.data.toString('base64') } : null;
  }
}
