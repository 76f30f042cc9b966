import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { UsersHandlers } from './users.handlers';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AccessModule],
  controllers: [UsersHandlers],
  providers: [UsersService, UsersRepository],
  exports: [UsersService],
})
export class UsersModule {}
