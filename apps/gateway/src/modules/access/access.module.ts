import { Module } from '@nestjs/common';
import { GroupsController } from './groups.controller';
import { RolesController } from './roles.controller';

@Module({ controllers: [RolesController, GroupsController] })
export class AccessModule {}
