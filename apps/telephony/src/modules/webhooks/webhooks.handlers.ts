import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, TelephonyRequests as T } from '@crm/contracts';
import { WebhookDispatcher } from './webhook-dispatcher';

@Controller()
export class WebhooksHandlers {
  constructor(private readonly dispatcher: WebhookDispatcher) {}

  @MessagePattern(T.HandleWebhook)
  handle(@Payload() req: RequestOf<typeof T.HandleWebhook>) {
    return this.dispatcher.handle(req);
  }
}
