import { Module } from '@nestjs/common';
import { ImportUploader } from './import-uploader';
import { ImportsController } from './imports.controller';

@Module({ controllers: [ImportsController], providers: [ImportUploader] })
export class ImportsModule {}
