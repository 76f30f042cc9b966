import type { Actor } from '../common/envelope';
import type { EmailDirection, MailAddress, MailAttachmentMeta, MailLink } from '../mail/payloads';
import type { EmailDeliveryFields } from './outbound';

/** An email as the API shows it (`/v2/emails`); one sent from the CRM also has its delivery fields. */
export interface EmailDto extends Partial<EmailDeliveryFields> {
  id: number;
  message_id: string;
  direction: EmailDirection;
  subject: string | null;
  text: string | null;
  /** Sanitised: no scripts, event handlers or remote-content tricks. */
  html: string | null;
  body_truncated: boolean;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  in_reply_to: string | null;
  references: string[];
  user_id: number | null;
  forwarded: boolean;
  attachments: MailAttachmentMeta[];
  resources: MailLink[];
  created_at: string;
  updated_at: string;
}

export interface EmailAttachmentRequest extends Actor {
  emailId: number;
  attachmentId: number;
}
