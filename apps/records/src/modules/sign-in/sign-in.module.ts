import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInHandlers } from './sign-in.handlers';
import { SignInUsersRepository } from './sign-in-users.repository';
import { SignInSweeper } from './sign-in-sweeper';

/** Passwords, invitation links and web app sessions (issue 8). */
@Module({
  imports: [UsersModule],
  controllers: [SignInHandlers],
  providers: [InvitationsService, SessionsService, InvitationsRepository, SessionsRepository, SignInUsersRepository, SignInSweeper],
})
export class SignInModule {}
