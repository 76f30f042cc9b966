import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, SignInRequests as S } from '@crm/contracts';
import { InvitationsService } from './invitations.service';
import { SessionsService } from './sessions.service';

@Controller()
export class SignInHandlers {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
  ) {}

  @MessagePattern(S.CreateInvitation)
  createInvitation(@Payload() req: RequestOf<typeof S.CreateInvitation>) {
    return this.invitations.create(req, req.targetUserId);
  }

  @MessagePattern(S.GetInvitation)
  getInvitation(@Payload() req: RequestOf<typeof S.GetInvitation>) {
    return this.invitations.get(req.token);
  }

  @MessagePattern(S.AcceptInvitation)
  acceptInvitation(@Payload() req: RequestOf<typeof S.AcceptInvitation>) {
    return this.invitations.accept(req.token, req.data, req.correlationId);
  }

  @MessagePattern(S.IssueOperatorInvitation)
  issueOperatorInvitation(@Payload() req: RequestOf<typeof S.IssueOperatorInvitation>) {
    return this.invitations.issueForOperator(req);
  }

  @MessagePattern(S.CreateSession)
  createSession(@Payload() req: RequestOf<typeof S.CreateSession>) {
    return this.sessions.signIn(req.data);
  }

  @MessagePattern(S.VerifySession)
  verifySession(@Payload() req: RequestOf<typeof S.VerifySession>) {
    return this.sessions.verify(req.token);
  }

  @MessagePattern(S.RevokeSession)
  revokeSession(@Payload() req: RequestOf<typeof S.RevokeSession>) {
    return this.sessions.revoke(req, req.sessionId);
  }
}
