import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActivityRequests as A, RequestOf } from '@crm/contracts';
import { ThreadsService } from './threads.service';

@Controller()
export class ThreadsHandlers {
  constructor(private readonly threads: ThreadsService) {}

  @MessagePattern(A.ListThreads)
  list(@Payload() req: RequestOf<typeof A.ListThreads>) {
    return this.threads.list(req, req.query);
  }

  @MessagePattern(A.GetThread)
  get(@Payload() req: RequestOf<typeof A.GetThread>) {
    return this.threads.get(req, req.id);
  }

  @MessagePattern(A.CreateThread)
  create(@Payload() req: RequestOf<typeof A.CreateThread>) {
    return this.threads.create(req, req.data);
  }

  @MessagePattern(A.RenameThread)
  rename(@Payload() req: RequestOf<typeof A.RenameThread>) {
    return this.threads.rename(req, req.id, req.data);
  }

  @MessagePattern(A.DeleteThread)
  delete(@Payload() req: RequestOf<typeof A.DeleteThread>) {
    return this.threads.delete(req, req.id);
  }

  @MessagePattern(A.AddThreadItem)
  addItem(@Payload() req: RequestOf<typeof A.AddThreadItem>) {
    return this.threads.addItem(req, req.threadId, req.data);
  }

  @MessagePattern(A.RemoveThreadItem)
  removeItem(@Payload() req: RequestOf<typeof A.RemoveThreadItem>) {
    return this.threads.removeItem(req, req.threadId, req.itemType, req.itemId);
  }
}
