import { Module } from '@nestjs/common';
import { AttachmentsHandlers } from './attachments.handlers';
import { AttachmentsRepository } from './attachments.repository';

@Module({ controllers: [AttachmentsHandlers], providers: [AttachmentsRepository], exports: [AttachmentsRepository] })
export class AttachmentsModule {}
