import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { AccessService } from './access.service';
import { GroupsService } from './groups.service';
import { RolesService } from './roles.service';

@Controller()
export class AccessHandlers {
  constructor(
    private readonly roles: RolesService,
    private readonly groups: GroupsService,
    private readonly access: AccessService,
  ) {}

  @MessagePattern(R.CheckPermission)
  checkPermission(@Payload() req: RequestOf<typeof R.CheckPermission>) {
    return this.access.check({ accountId: req.accountId, userId: req.userId }, req.permission);
  }

  @MessagePattern(R.ListRoles)
  listRoles(@Payload() req: RequestOf<typeof R.ListRoles>) {
    return this.roles.list(req, req.query);
  }

  @MessagePattern(R.GetRole)
  getRole(@Payload() req: RequestOf<typeof R.GetRole>) {
    return this.roles.get(req, req.id);
  }

  @MessagePattern(R.CreateRole)
  createRole(@Payload() req: RequestOf<typeof R.CreateRole>) {
    return this.roles.create(req, req.data);
  }

  @MessagePattern(R.UpdateRole)
  updateRole(@Payload() req: RequestOf<typeof R.UpdateRole>) {
    return this.roles.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteRole)
  deleteRole(@Payload() req: RequestOf<typeof R.DeleteRole>) {
    return this.roles.delete(req, req.id);
  }

  @MessagePattern(R.ListGroups)
  listGroups(@Payload() req: RequestOf<typeof R.ListGroups>) {
    return this.groups.list(req, req.query);
  }

  @MessagePattern(R.GetGroup)
  getGroup(@Payload() req: RequestOf<typeof R.GetGroup>) {
    return this.groups.get(req, req.id);
  }

  @MessagePattern(R.CreateGroup)
  createGroup(@Payload() req: RequestOf<typeof R.CreateGroup>) {
    return this.groups.create(req, req.data);
  }

  @MessagePattern(R.UpdateGroup)
  updateGroup(@Payload() req: RequestOf<typeof R.UpdateGroup>) {
    return this.groups.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteGroup)
  deleteGroup(@Payload() req: RequestOf<typeof R.DeleteGroup>) {
    return this.groups.delete(req, req.id);
  }
}
