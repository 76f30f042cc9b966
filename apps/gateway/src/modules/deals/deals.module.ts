import { Module } from '@nestjs/common';
import { AssociatedContactsController } from './associated-contacts.controller';
import { DealsController } from './deals.controller';

@Module({ controllers: [DealsController, AssociatedContactsController] })
export class DealsModule {}
