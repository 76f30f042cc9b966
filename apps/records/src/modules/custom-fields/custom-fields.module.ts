import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CustomFieldsHandlers } from './custom-fields.handlers';
import { CustomFieldsRepository } from './custom-fields.repository';
import { CustomFieldsService } from './custom-fields.service';

@Module({
  imports: [UsersModule],
  controllers: [CustomFieldsHandlers],
  providers: [CustomFieldsService, CustomFieldsRepository],
  exports: [CustomFieldsService],
})
export class CustomFieldsModule {}
