import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';
import { SessionsController } from './sessions.controller';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { UserInvitationsController } from './user-invitations.controller';

/** Sign-in for the web app: invitation links, password sign-in, sign-out (issue 8). */
@Module({
  controllers: [SessionsController, InvitationsController, UserInvitationsController],
  providers: [{ provide: SignInRateLimiter, useFactory: () => new SignInRateLimiter() }],
})
export class SessionsModule {}
