import { Module } from '@nestjs/common';
import { WebhookLedger } from './webhook-ledger';
import { WebhookLogRepository } from './webhook-log.repository';

@Module({ providers: [WebhookLogRepository, WebhookLedger], exports: [WebhookLedger] })
export class WebhookLogModule {}
