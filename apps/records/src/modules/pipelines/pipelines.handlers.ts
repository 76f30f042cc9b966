import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { PipelinesService } from './pipelines.service';

@Controller()
export class PipelinesHandlers {
  constructor(private readonly pipelines: PipelinesService) {}

  @MessagePattern(R.ListPipelines)
  listPipelines(@Payload() req: RequestOf<typeof R.ListPipelines>) {
    return this.pipelines.listPipelines(req, req.query);
  }

  @MessagePattern(R.GetPipeline)
  getPipeline(@Payload() req: RequestOf<typeof R.GetPipeline>) {
    return this.pipelines.getPipeline(req, req.id);
  }

  @MessagePattern(R.ListStages)
  listStages(@Payload() req: RequestOf<typeof R.ListStages>) {
    return this.pipelines.listStages(req, req.query);
  }

  @MessagePattern(R.GetStage)
  getStage(@Payload() req: RequestOf<typeof R.GetStage>) {
    return this.pipelines.getStage(req, req.id);
  }
}
