import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailboxConnectionRequests as M, RequestOf } from '@crm/contracts';
import { MailboxConnectionsService } from './mailbox-connections.service';

@Controller()
export class MailboxConnectionsHandlers {
  constructor(private readonly connections: MailboxConnectionsService) {}

  @MessagePattern(M.ListMailboxConnections)
  list(@Payload() req: RequestOf<typeof M.ListMailboxConnections>) {
    return this.connections.list(req, req.query);
  }

  @MessagePattern(M.GetMailboxConnection)
  get(@Payload() req: RequestOf<typeof M.GetMailboxConnection>) {
    return this.connections.get(req, req.id);
  }

  @MessagePattern(M.CreateMailboxConnection)
  create(@Payload() req: RequestOf<typeof M.CreateMailboxConnection>) {
    return this.connections.create(req, req.data);
  }

  @MessagePattern(M.UpdateMailboxConnection)
  update(@Payload() req: RequestOf<typeof M.UpdateMailboxConnection>) {
    return this.connections.update(req, req.id, req.data);
  }

  @MessagePattern(M.DeleteMailboxConnection)
  delete(@Payload() req: RequestOf<typeof M.DeleteMailboxConnection>) {
    return this.connections.delete(req, req.id);
  }
}
