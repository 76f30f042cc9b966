import { Module } from '@nestjs/common';
import { ApiTokensController } from './api-tokens.controller';
import { UsersController } from './users.controller';

@Module({ controllers: [UsersController, ApiTokensController] })
export class UsersModule {}
