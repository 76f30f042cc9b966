import { Injectable } from '@nestjs/common';
import { EMAIL_TRACKING_TOKEN } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { EmailTrackingRepository } from './email-tracking.repository';

/** Opens counted from the tracking pixel: every hit on a real token counts (mail clients rarely fetch twice). */
@Injectable()
export class EmailOpensService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tracking: EmailTrackingRepository,
  ) {}

  async record(token: string): Promise<{ recorded: boolean }> {
    if (typeof token !== 'string' || !EMAIL_TRACKING_TOKEN.test(token)) return { recorded: false };
    return { recorded: await this.transactions.run((tx) => this.tracking.recordOpen(tx, token)) };
  }
}
