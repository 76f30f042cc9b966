import { Module } from '@nestjs/common';
import { DistributionAssignmentsController } from './distribution-assignments.controller';
import { DistributionPoolsController } from './distribution-pools.controller';

@Module({ controllers: [DistributionPoolsController, DistributionAssignmentsController] })
export class DistributionModule {}
