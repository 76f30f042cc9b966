import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { IntegrationOwnersModule } from '../integration-owners/integration-owners.module';
import { UsersModule } from '../users/users.module';
import { LeadFormSubmissionsService } from './lead-form-submissions.service';
import { LeadFormsHandlers } from './lead-forms.handlers';
import { LeadFormsRepository } from './lead-forms.repository';
import { LeadFormsService } from './lead-forms.service';

@Module({
  imports: [AccessModule, UsersModule, CustomFieldsModule, IntegrationOwnersModule],
  controllers: [LeadFormsHandlers],
  providers: [LeadFormsService, LeadFormSubmissionsService, LeadFormsRepository],
})
export class LeadFormsModule {}
