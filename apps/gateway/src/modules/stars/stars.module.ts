import { Module } from '@nestjs/common';
import { StarsController } from './stars.controller';

/** Stars: answered by the communications service. */
@Module({ controllers: [StarsController] })
export class StarsModule {}
