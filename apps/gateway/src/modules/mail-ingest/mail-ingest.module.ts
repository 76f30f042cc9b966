import { Module } from '@nestjs/common';
import { BccAddressController } from './bcc-address.controller';
import { IngestedMessagesController } from './ingested-messages.controller';

@Module({ controllers: [BccAddressController, IngestedMessagesController] })
export class MailIngestModule {}
