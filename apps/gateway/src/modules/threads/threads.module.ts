import { Module } from '@nestjs/common';
import { ThreadsController } from './threads.controller';

/** Named threads on records: answered by the communications service. */
@Module({ controllers: [ThreadsController] })
export class ThreadsModule {}
