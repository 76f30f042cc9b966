import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { LeadsModule } from '../leads/leads.module';
import { PartiesHandlers } from './parties.handlers';
import { PartiesService } from './parties.service';

@Module({
  imports: [LeadsModule, ContactsModule],
  controllers: [PartiesHandlers],
  providers: [PartiesService],
})
export class PartiesModule {}
