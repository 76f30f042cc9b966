import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { NotesService } from './notes.service';

@Controller()
export class NotesHandlers {
  constructor(private readonly notes: NotesService) {}

  @MessagePattern(R.ListNotes)
  list(@Payload() req: RequestOf<typeof R.ListNotes>) {
    return this.notes.list(req, req.query);
  }

  @MessagePattern(R.GetNote)
  get(@Payload() req: RequestOf<typeof R.GetNote>) {
    return this.notes.get(req, req.id);
  }

  @MessagePattern(R.CreateNote)
  create(@Payload() req: RequestOf<typeof R.CreateNote>) {
    return this.notes.create(req, req.data);
  }

  @MessagePattern(R.UpdateNote)
  update(@Payload() req: RequestOf<typeof R.UpdateNote>) {
    return this.notes.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteNote)
  delete(@Payload() req: RequestOf<typeof R.DeleteNote>) {
    return this.notes.delete(req, req.id);
  }
}
