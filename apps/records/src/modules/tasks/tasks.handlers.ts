import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { TasksService } from './tasks.service';

@Controller()
export class TasksHandlers {
  constructor(private readonly tasks: TasksService) {}

  @MessagePattern(R.ListTasks)
  list(@Payload() req: RequestOf<typeof R.ListTasks>) {
    return this.tasks.list(req, req.query);
  }

  @MessagePattern(R.GetTask)
  get(@Payload() req: RequestOf<typeof R.GetTask>) {
    return this.tasks.get(req, req.id);
  }

  @MessagePattern(R.CreateTask)
  create(@Payload() req: RequestOf<typeof R.CreateTask>) {
    return this.tasks.create(req, req.data);
  }

  @MessagePattern(R.UpdateTask)
  update(@Payload() req: RequestOf<typeof R.UpdateTask>) {
    return this.tasks.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteTask)
  delete(@Payload() req: RequestOf<typeof R.DeleteTask>) {
    return this.tasks.delete(req, req.id);
  }
}
