import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { UsersModule } from '../users/users.module';
import { AccountsHandlers } from './accounts.handlers';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  imports: [UsersModule, PipelinesModule, AccessModule],
  controllers: [AccountsHandlers],
  providers: [AccountsService, AccountsRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
