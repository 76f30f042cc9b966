import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActivityRequests as A, RequestOf } from '@crm/contracts';
import { ActivitiesService } from './activities.service';

@Controller()
export class ActivitiesHandlers {
  constructor(private readonly activities: ActivitiesService) {}

  @MessagePattern(A.ListActivities)
  list(@Payload() req: RequestOf<typeof A.ListActivities>) {
    return this.activities.list(req, req.query);
  }
}
