import { Module } from '@nestjs/common';
import { RecordOwnersRepository } from './record-owners.repository';

@Module({ providers: [RecordOwnersRepository], exports: [RecordOwnersRepository] })
export class RecordOwnersModule {}
