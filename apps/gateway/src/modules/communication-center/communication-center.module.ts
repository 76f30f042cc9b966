import { Module } from '@nestjs/common';
import { MailboxEmailsController } from './mailbox-emails.controller';
import { SuggestedPeopleController } from './suggested-people.controller';

/** The Communication Center's email tabs and Suggested people: answered by the communications service. */
@Module({ controllers: [MailboxEmailsController, SuggestedPeopleController] })
export class CommunicationCenterModule {}
