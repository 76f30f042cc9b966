import { Module } from '@nestjs/common';
import { LeadFormSubmissionsController } from './lead-form-submissions.controller';
import { LeadFormsController } from './lead-forms.controller';
import { SubmissionRateLimiter } from './submission-rate-limiter';

@Module({
  controllers: [LeadFormsController, LeadFormSubmissionsController],
  providers: [{ provide: SubmissionRateLimiter, useFactory: () => new SubmissionRateLimiter() }],
})
export class LeadFormsModule {}
