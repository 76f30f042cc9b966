import { Module } from '@nestjs/common';
import { IntegrationOwnersController } from './integration-owners.controller';

@Module({ controllers: [IntegrationOwnersController] })
export class IntegrationOwnersModule {}
