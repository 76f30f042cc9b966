import { Module } from '@nestjs/common';
import { NoteCopiesRepository } from './note-copies.repository';
import { NoteEventsConsumer } from './note-events.consumer';

@Module({ providers: [NoteCopiesRepository, NoteEventsConsumer], exports: [NoteCopiesRepository] })
export class NoteCopiesModule {}
