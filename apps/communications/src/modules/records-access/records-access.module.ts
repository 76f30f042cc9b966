import { Module } from '@nestjs/common';
import { RecordsAccessService } from './records-access.service';

@Module({ providers: [RecordsAccessService], exports: [RecordsAccessService] })
export class RecordsAccessModule {}
