import { Module } from '@nestjs/common';
import { TwilioAdapter } from './twilio.adapter';

@Module({ providers: [TwilioAdapter], exports: [TwilioAdapter] })
export class TwilioModule {}
