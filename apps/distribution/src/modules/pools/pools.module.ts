import { Module } from '@nestjs/common';
import { KnownUsersModule } from '../known-users/known-users.module';
import { PoolsHandlers } from './pools.handlers';
import { PoolsRepository } from './pools.repository';
import { PoolsService } from './pools.service';

@Module({
  imports: [KnownUsersModule],
  controllers: [PoolsHandlers],
  providers: [PoolsService, PoolsRepository],
  exports: [PoolsRepository],
})
export class PoolsModule {}
