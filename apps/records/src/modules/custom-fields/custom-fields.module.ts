import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CustomFieldsHandlers } from './custom-fields.handlers';
import { CustomFieldsRepository } from './custom-fields.repository';
import { CustomFieldsService } from './custom-fields.service';

@Module({
  imports: [AccessModule],
  controllers: [CustomFieldsHandlers],
  providers: [CustomFieldsService, CustomFieldsRepository],
  exports: [CustomFieldsService],
})
export class CustomFieldsModule {}
