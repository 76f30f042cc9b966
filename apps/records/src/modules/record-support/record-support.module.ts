import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { IntegrationOwnersModule } from '../integration-owners/integration-owners.module';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { NamedItemsModule } from '../named-items/named-items.module';
import { UsersModule } from '../users/users.module';
import { RecordSupportService } from './record-support.service';
import { ResourceOwnersRepository } from './resource-owners.repository';

@Module({
  imports: [AccessModule, IntegrationOwnersModule, UsersModule, NamedItemsModule, CustomFieldsModule],
  providers: [RecordSupportService, ResourceOwnersRepository],
  exports: [RecordSupportService, ResourceOwnersRepository],
})
export class RecordSupportModule {}
