import type { ActivityType, AttachableType } from '@crm/contracts';

/** An email, call, text message or note, by its type and id. */
export interface ItemRef {
  type: ActivityType;
  id: number;
}

/** A lead, contact or deal. */
export interface RecordRef {
  type: AttachableType;
  id: number;
}

/** Stars and thread items keep one column per kind of item (so a deleted item takes its rows along). */
export const ITEM_COLUMNS: Readonly<Record<ActivityType, string>> = {
  email: 'email_id',
  call: 'call_id',
  text_message: 'text_message_id',
  note: 'note_id',
};
