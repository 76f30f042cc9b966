import { Module } from '@nestjs/common';
import { EmailsController } from './emails.controller';

/** Emails: answered by the communications service, attachment content by mail-ingest. */
@Module({ controllers: [EmailsController] })
export class EmailsModule {}
