import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PhoneCenterRequests as P, RequestOf } from '@crm/contracts';
import { PhoneCenterListsService } from './phone-center-lists.service';
import { TextConversationsService } from './text-conversations.service';
import { UnmatchedNumbersService } from './unmatched-numbers.service';

@Controller()
export class PhoneCenterHandlers {
  constructor(
    private readonly lists: PhoneCenterListsService,
    private readonly unmatched: UnmatchedNumbersService,
    private readonly conversations: TextConversationsService,
  ) {}

  @MessagePattern(P.ListCalls)
  listCalls(@Payload() req: RequestOf<typeof P.ListCalls>) {
    return this.lists.listCalls(req, req.query);
  }

  @MessagePattern(P.ListTextMessages)
  listTextMessages(@Payload() req: RequestOf<typeof P.ListTextMessages>) {
    return this.lists.listTextMessages(req, req.query);
  }

  @MessagePattern(P.CountItems)
  counts(@Payload() req: RequestOf<typeof P.CountItems>) {
    return this.lists.counts(req);
  }

  @MessagePattern(P.MarkTextMessages)
  mark(@Payload() req: RequestOf<typeof P.MarkTextMessages>) {
    return this.conversations.mark(req, req.data);
  }

  @MessagePattern(P.DeleteTextConversation)
  deleteConversation(@Payload() req: RequestOf<typeof P.DeleteTextConversation>) {
    return this.conversations.delete(req, req.phoneNumber);
  }

  @MessagePattern(P.AddNumberToSell)
  addToSell(@Payload() req: RequestOf<typeof P.AddNumberToSell>) {
    return this.unmatched.addToSell(req, req.data);
  }

  @MessagePattern(P.AddNumberToExisting)
  addToExisting(@Payload() req: RequestOf<typeof P.AddNumberToExisting>) {
    return this.unmatched.addToExisting(req, req.data);
  }

  @MessagePattern(P.IgnoreNumber)
  ignore(@Payload() req: RequestOf<typeof P.IgnoreNumber>) {
    return this.unmatched.ignore(req, req.data);
  }
}
