import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { IntegrationOwnersService } from './integration-owners.service';

@Controller()
export class IntegrationOwnersHandlers {
  constructor(private readonly owners: IntegrationOwnersService) {}

  @MessagePattern(R.ListIntegrationOwners)
  list(@Payload() req: RequestOf<typeof R.ListIntegrationOwners>) {
    return this.owners.list(req);
  }

  @MessagePattern(R.SetIntegrationOwner)
  set(@Payload() req: RequestOf<typeof R.SetIntegrationOwner>) {
    return this.owners.set(req, req.integration, req.resourceType, req.data);
  }

  @MessagePattern(R.ResolveIntegrationOwner)
  resolve(@Payload() req: RequestOf<typeof R.ResolveIntegrationOwner>) {
    return this.owners.resolve(req, req.integration, req.resourceType);
  }
}
