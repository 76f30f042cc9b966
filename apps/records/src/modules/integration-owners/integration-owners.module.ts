import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { UsersModule } from '../users/users.module';
import { IntegrationOwnersHandlers } from './integration-owners.handlers';
import { IntegrationOwnersRepository } from './integration-owners.repository';
import { IntegrationOwnersService } from './integration-owners.service';

@Module({
  imports: [AccessModule, UsersModule],
  controllers: [IntegrationOwnersHandlers],
  providers: [IntegrationOwnersService, IntegrationOwnersRepository],
  exports: [IntegrationOwnersService],
})
export class IntegrationOwnersModule {}
