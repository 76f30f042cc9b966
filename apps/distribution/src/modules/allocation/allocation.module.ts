import { Module } from '@nestjs/common';
import { PoolsModule } from '../pools/pools.module';
import { AllocationHandlers } from './allocation.handlers';
import { AllocationRepository } from './allocation.repository';
import { AllocationService } from './allocation.service';

@Module({
  imports: [PoolsModule],
  controllers: [AllocationHandlers],
  providers: [AllocationService, AllocationRepository],
})
export class AllocationModule {}
