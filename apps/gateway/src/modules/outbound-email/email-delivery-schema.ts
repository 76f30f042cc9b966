import type { EmailDeliveryFields } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

const NULLABLE_DATE_TIME: SchemaObject = { type: 'string', format: 'date-time', nullable: true };

/** Only on emails sent from the CRM. Typed by the contract: a field added or removed fails the build until this follows. */
export const EMAIL_DELIVERY_PROPERTIES: { [K in keyof Required<EmailDeliveryFields>]: SchemaObject } = {
  status: {
    type: 'string',
    enum: ['queued', 'sent', 'failed'],
    description: 'sent from the CRM only. queued: waiting for the SMTP relay (last_error says why); sent: the relay accepted it; failed: refused for good',
  },
  sent_at: { ...NULLABLE_DATE_TIME, description: 'when the relay accepted it' },
  attempts: { type: 'integer', minimum: 0, description: 'hand-overs to the relay tried so far' },
  last_error: { type: 'string', nullable: true, description: 'why the last attempt did not deliver, or which recipients the relay refused' },
  open_count: { type: 'integer', minimum: 0, description: 'times the tracking pixel was fetched' },
  first_opened_at: NULLABLE_DATE_TIME,
  last_opened_at: NULLABLE_DATE_TIME,
};
