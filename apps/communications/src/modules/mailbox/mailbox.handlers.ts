import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailboxRequests as M, RequestOf } from '@crm/contracts';
import { MailboxService } from './mailbox.service';
import { SuggestedPeopleService } from './suggested-people.service';

@Controller()
export class MailboxHandlers {
  constructor(
    private readonly mailbox: MailboxService,
    private readonly people: SuggestedPeopleService,
  ) {}

  @MessagePattern(M.ListMailboxEmails)
  list(@Payload() req: RequestOf<typeof M.ListMailboxEmails>) {
    return this.mailbox.list(req, req.query);
  }

  @MessagePattern(M.CountMailboxEmails)
  counts(@Payload() req: RequestOf<typeof M.CountMailboxEmails>) {
    return this.mailbox.counts(req);
  }

  @MessagePattern(M.MarkMailboxEmails)
  mark(@Payload() req: RequestOf<typeof M.MarkMailboxEmails>) {
    return this.mailbox.mark(req, req.data);
  }

  @MessagePattern(M.ArchiveMailboxEmails)
  archive(@Payload() req: RequestOf<typeof M.ArchiveMailboxEmails>) {
    return this.mailbox.archive(req, req.data, true);
  }

  @MessagePattern(M.UnarchiveMailboxEmails)
  unarchive(@Payload() req: RequestOf<typeof M.UnarchiveMailboxEmails>) {
    return this.mailbox.archive(req, req.data, false);
  }

  @MessagePattern(M.ListSuggestedPeople)
  suggestedPeople(@Payload() req: RequestOf<typeof M.ListSuggestedPeople>) {
    return this.people.list(req, req.query);
  }

  @MessagePattern(M.AddSuggestedPeople)
  add(@Payload() req: RequestOf<typeof M.AddSuggestedPeople>) {
    return this.people.add(req, req.resourceType, req.data);
  }

  @MessagePattern(M.IgnoreSuggestedPeople)
  ignore(@Payload() req: RequestOf<typeof M.IgnoreSuggestedPeople>) {
    return this.people.ignore(req, req.data, true);
  }

  @MessagePattern(M.UnignoreSuggestedPeople)
  unignore(@Payload() req: RequestOf<typeof M.UnignoreSuggestedPeople>) {
    return this.people.ignore(req, req.data, false);
  }
}
