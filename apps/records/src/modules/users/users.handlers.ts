import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { UsersService } from './users.service';

@Controller()
export class UsersHandlers {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(R.VerifyToken)
  verifyToken(@Payload() req: RequestOf<typeof R.VerifyToken>) {
    return this.users.verifyToken(req.token);
  }

  @MessagePattern(R.FindUsersByEmail)
  findByEmail(@Payload() req: RequestOf<typeof R.FindUsersByEmail>) {
    return this.users.findByEmails(req.accountId, req.emails);
  }

  @MessagePattern(R.ListUsers)
  list(@Payload() req: RequestOf<typeof R.ListUsers>) {
    return this.users.list(req, req.query);
  }

  @MessagePattern(R.GetUser)
  get(@Payload() req: RequestOf<typeof R.GetUser>) {
    return this.users.get(req, req.id);
  }

  @MessagePattern(R.CreateUser)
  create(@Payload() req: RequestOf<typeof R.CreateUser>) {
    return this.users.create(req, req.data);
  }

  @MessagePattern(R.UpdateUser)
  update(@Payload() req: RequestOf<typeof R.UpdateUser>) {
    return this.users.update(req, req.id, req.data);
  }

  @MessagePattern(R.ListApiTokens)
  listTokens(@Payload() req: RequestOf<typeof R.ListApiTokens>) {
    return this.users.listTokens(req, req.targetUserId);
  }

  @MessagePattern(R.IssueApiToken)
  issueToken(@Payload() req: RequestOf<typeof R.IssueApiToken>) {
    return this.users.issueToken(req, req.targetUserId, req.data);
  }

  @MessagePattern(R.RevokeApiToken)
  revokeToken(@Payload() req: RequestOf<typeof R.RevokeApiToken>) {
    return this.users.revokeToken(req, req.targetUserId, req.tokenId);
  }
}
