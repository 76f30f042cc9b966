import { CallOutcomeEntity } from '../modules/call-outcomes/entities/call-outcome.entity';
import { CallEntity } from '../modules/calls/entities/call.entity';
import { EmailLinkEntity } from '../modules/emails/entities/email-link.entity';
import { EmailEntity } from '../modules/emails/entities/email.entity';
import { EmailTrackingEntity } from '../modules/outbound/tracking/email-tracking.entity';
import { RecordOwnerEntity } from '../modules/record-owners/entities/record-owner.entity';
import { TextMessageEntity } from '../modules/text-messages/entities/text-message.entity';
import { ConversationEntity } from '../modules/conversations/entities/conversation.entity';
import { NoteCopyEntity } from '../modules/note-copies/entities/note-copy.entity';
import { StarEntity } from '../modules/stars/entities/star.entity';
import { ThreadItemEntity } from '../modules/threads/entities/thread-item.entity';
import { ThreadEntity } from '../modules/threads/entities/thread.entity';

/** Notes copy, stars, threads and email conversations (issue 6, activities). */
const activityEntities = [NoteCopyEntity, StarEntity, ThreadEntity, ThreadItemEntity, ConversationEntity];

export const communicationsEntities = [CallOutcomeEntity, CallEntity, TextMessageEntity, RecordOwnerEntity, EmailEntity, EmailLinkEntity, EmailTrackingEntity, ...activityEntities];
