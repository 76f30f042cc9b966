import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActivityRequests as A, RequestOf } from '@crm/contracts';
import { StarsService } from './stars.service';

@Controller()
export class StarsHandlers {
  constructor(private readonly stars: StarsService) {}

  @MessagePattern(A.Star)
  star(@Payload() req: RequestOf<typeof A.Star>) {
    return this.stars.star(req, req.data);
  }

  @MessagePattern(A.Unstar)
  unstar(@Payload() req: RequestOf<typeof A.Unstar>) {
    return this.stars.unstar(req, req.itemType, req.itemId);
  }
}
