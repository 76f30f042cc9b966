import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { NamedItemsModule } from '../named-items/named-items.module';
import { UsersModule } from '../users/users.module';
import { ImportWorker } from './import.worker';
import { ImportWriter } from './import-writer';
import { ImportsHandlers } from './imports.handlers';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [AccessModule, AccountBccModule, UsersModule, NamedItemsModule],
  controllers: [ImportsHandlers],
  providers: [ImportsService, ImportsRepository, ImportWriter, ImportWorker],
})
export class ImportsModule {}
