import { Module } from '@nestjs/common';
import { AccessHandlers } from './access.handlers';
import { AccessCacheInvalidation } from './access-cache-invalidation';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { GroupsService } from './groups.service';
import { RolesService } from './roles.service';

@Module({
  controllers: [AccessHandlers],
  providers: [AccessService, AccessCacheInvalidation, AccessRepository, RolesService, GroupsService],
  exports: [AccessService, RolesService, GroupsService],
})
export class AccessModule {}
