import type { EmailDto, MailLink } from '@crm/contracts';
import { iso } from '../../common/time';
import type { EmailTrackingEntity } from '../outbound/tracking/email-tracking.entity';
import { toDeliveryFields } from '../outbound/tracking/email-tracking.mapper';
import type { EmailEntity } from './entities/email.entity';

/** `tracking`: an email sent from the CRM shows its delivery and opens. */
export function toEmailDto(email: EmailEntity, links: MailLink[], tracking?: EmailTrackingEntity): EmailDto {
  return {
    id: email.id,
    message_id: email.message_id,
    direction: email.direction,
    subject: email.subject,
    text: email.text,
    html: email.html,
    body_truncated: email.body_truncated,
    from: email.from_address,
    to: email.to_addresses,
    cc: email.cc_addresses,
    date: iso(email.date),
    in_reply_to: email.in_reply_to,
    references: email.reference_ids,
    user_id: email.user_id,
    forwarded: email.forwarded,
    attachments: email.attachments,
    resources: links,
    created_at: iso(email.created_at),
    updated_at: iso(email.updated_at),
    ...(tracking ? toDeliveryFields(tracking) : {}),
  };
}
