import { Module } from '@nestjs/common';
import { LeadConversionsController } from './lead-conversions.controller';

@Module({ controllers: [LeadConversionsController] })
export class LeadConversionsModule {}
