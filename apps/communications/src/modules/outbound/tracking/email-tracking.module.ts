import { Module } from '@nestjs/common';
import { EmailTrackingRepository } from './email-tracking.repository';

/** Delivery state and opens of CRM-sent mail, read by the emails module and written by outbound. */
@Module({ providers: [EmailTrackingRepository], exports: [EmailTrackingRepository] })
export class EmailTrackingModule {}
