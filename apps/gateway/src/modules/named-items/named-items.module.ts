import { Module } from '@nestjs/common';
import { DealSourcesController, LeadSourcesController, LossReasonsController, TagsController } from './named-items.controller';

@Module({ controllers: [TagsController, LeadSourcesController, DealSourcesController, LossReasonsController] })
export class NamedItemsModule {}
