import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ContactsModule } from '../contacts/contacts.module';
import { DealsModule } from '../deals/deals.module';
import { LeadsModule } from '../leads/leads.module';
import { PartiesHandlers } from './parties.handlers';
import { PartiesService } from './parties.service';

@Module({
  imports: [LeadsModule, ContactsModule, DealsModule, AccessModule],
  controllers: [PartiesHandlers],
  providers: [PartiesService],
})
export class PartiesModule {}
