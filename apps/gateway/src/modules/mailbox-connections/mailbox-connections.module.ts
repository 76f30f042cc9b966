import { Module } from '@nestjs/common';
import { MailboxConnectionsController } from './mailbox-connections.controller';

@Module({ controllers: [MailboxConnectionsController] })
export class MailboxConnectionsModule {}
