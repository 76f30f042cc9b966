import { Module } from '@nestjs/common';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { DealsModule } from '../deals/deals.module';
import { MailAddressEventsConsumer } from './mail-address-events.consumer';

/** The account's BCC address and deals' dropbox addresses, kept from mail-ingest's events. */
@Module({
  imports: [AccountBccModule, DealsModule],
  providers: [MailAddressEventsConsumer],
})
export class MailAddressesModule {}
