import { Module } from '@nestjs/common';
import { EmailOpensController } from './email-opens.controller';

/** The public open-tracking pixel; opens are counted by the communications service. */
@Module({ controllers: [EmailOpensController] })
export class EmailOpensModule {}
