import { Module } from '@nestjs/common';
import { UsersHandlers } from './users.handlers';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersHandlers],
  providers: [UsersService, UsersRepository],
  exports: [UsersService],
})
export class UsersModule {}
