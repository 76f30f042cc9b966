import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { NamedItemsHandlers } from './named-items.handlers';
import { NamedItemsRepository } from './named-items.repository';
import { NamedItemsService } from './named-items.service';

@Module({
  imports: [AccessModule],
  controllers: [NamedItemsHandlers],
  providers: [NamedItemsService, NamedItemsRepository],
  exports: [NamedItemsService],
})
export class NamedItemsModule {}
