import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, MailIngestRequests as M, RequestOf } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { AttachmentsRepository } from './attachments.repository';

/** At most this much per reply: NATS messages are small (1 MiB by default) and base64 adds a third. */
export const MAX_SLICE_BYTES = 512 * 1024;

@Controller()
export class AttachmentsHandlers {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly attachments: AttachmentsRepository,
  ) {}

  @MessagePattern(M.ReadAttachment)
  async read(@Payload() req: RequestOf<typeof M.ReadAttachment>) {
    const offset = Math.max(0, Math.floor(req.offset));
    const length = Math.min(MAX_SLICE_BYTES, Math.max(0, Math.floor(req.length)));
    const slice = await this.transactions.read((tx) => this.attachments.slice(tx, req.accountId, req.attachmentId, offset, length));
    if (!slice) throw DomainError.notFound('attachment', req.attachmentId);
    return slice;
  }
}
