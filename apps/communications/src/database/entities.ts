import { CallOutcomeEntity } from '../modules/call-outcomes/entities/call-outcome.entity';
import { CallEntity } from '../modules/calls/entities/call.entity';
import { EmailLinkEntity } from '../modules/emails/entities/email-link.entity';
import { EmailEntity } from '../modules/emails/entities/email.entity';
import { RecordOwnerEntity } from '../modules/record-owners/entities/record-owner.entity';
import { TextMessageEntity } from '../modules/text-messages/entities/text-message.entity';

export const communicationsEntities = [CallOutcomeEntity, CallEntity, TextMessageEntity, RecordOwnerEntity, EmailEntity, EmailLinkEntity];
