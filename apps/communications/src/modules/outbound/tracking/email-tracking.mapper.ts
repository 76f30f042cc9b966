import type { EmailDeliveryFields } from '@crm/contracts';
import { iso } from '../../../common/time';
import type { EmailTrackingEntity } from './email-tracking.entity';

export function toDeliveryFields(tracking: EmailTrackingEntity): EmailDeliveryFields {
  return {
    status: tracking.status,
    sent_at: iso(tracking.sent_at),
    attempts: tracking.attempts,
    last_error: tracking.last_error,
    open_count: tracking.open_count,
    first_opened_at: iso(tracking.first_opened_at),
    last_opened_at: iso(tracking.last_opened_at),
  };
}
