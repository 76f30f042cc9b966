import { Module } from '@nestjs/common';
import { AccountBccRepository } from './account-bcc.repository';
import { AccountBccService } from './account-bcc.service';

@Module({
  providers: [AccountBccService, AccountBccRepository],
  exports: [AccountBccService],
})
export class AccountBccModule {}
