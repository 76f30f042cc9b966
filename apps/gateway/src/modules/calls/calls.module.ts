import { Module } from '@nestjs/common';
import { CallOutcomesController } from './call-outcomes.controller';
import { CallsController } from './calls.controller';
import { TextMessagesController } from './text-messages.controller';

/** Calls, call outcomes and text messages: answered by the communications service. */
@Module({ controllers: [CallsController, CallOutcomesController, TextMessagesController] })
export class CallsModule {}
