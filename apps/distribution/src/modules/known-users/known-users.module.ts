import { Module } from '@nestjs/common';
import { KnownUsersConsumer } from './known-users.consumer';
import { KnownUsersRepository } from './known-users.repository';

@Module({ providers: [KnownUsersConsumer, KnownUsersRepository], exports: [KnownUsersRepository] })
export class KnownUsersModule {}
