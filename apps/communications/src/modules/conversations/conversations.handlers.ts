import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActivityRequests as A, RequestOf } from '@crm/contracts';
import { ConversationsService } from './conversations.service';

@Controller()
export class ConversationsHandlers {
  constructor(private readonly conversations: ConversationsService) {}

  @MessagePattern(A.GetEmailConversation)
  get(@Payload() req: RequestOf<typeof A.GetEmailConversation>) {
    return this.conversations.get(req, req.id);
  }

  @MessagePattern(A.SplitEmailConversation)
  split(@Payload() req: RequestOf<typeof A.SplitEmailConversation>) {
    return this.conversations.split(req, req.id, req.data);
  }

  @MessagePattern(A.MergeEmailConversations)
  merge(@Payload() req: RequestOf<typeof A.MergeEmailConversations>) {
    return this.conversations.merge(req, req.data);
  }
}
