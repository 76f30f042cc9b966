import { Module } from '@nestjs/common';
import { OutboundEmailController } from './outbound-email.controller';

/** Sending email from the CRM: answered by the communications service. */
@Module({ controllers: [OutboundEmailController] })
export class OutboundEmailModule {}
