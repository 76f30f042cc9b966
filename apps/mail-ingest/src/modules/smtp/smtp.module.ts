import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { MessagesModule } from '../messages/messages.module';
import { MessageStore } from './message-store';
import { SmtpListener } from './smtp-listener';

@Module({ imports: [AddressesModule, MessagesModule], providers: [MessageStore, SmtpListener] })
export class SmtpModule {}
