import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { BulkJobsService } from './bulk-jobs.service';
import { SmartListsService } from './smart-lists.service';

@Controller()
export class SmartListsHandlers {
  constructor(
    private readonly smartLists: SmartListsService,
    private readonly jobs: BulkJobsService,
  ) {}

  @MessagePattern(R.ListSmartLists)
  list(@Payload() req: RequestOf<typeof R.ListSmartLists>) {
    return this.smartLists.list(req, req.query);
  }

  @MessagePattern(R.GetSmartList)
  get(@Payload() req: RequestOf<typeof R.GetSmartList>) {
    return this.smartLists.get(req, req.id);
  }

  @MessagePattern(R.CreateSmartList)
  create(@Payload() req: RequestOf<typeof R.CreateSmartList>) {
    return this.smartLists.create(req, req.data);
  }

  @MessagePattern(R.UpdateSmartList)
  update(@Payload() req: RequestOf<typeof R.UpdateSmartList>) {
    return this.smartLists.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteSmartList)
  delete(@Payload() req: RequestOf<typeof R.DeleteSmartList>) {
    return this.smartLists.delete(req, req.id);
  }

  @MessagePattern(R.ListSmartListLeads)
  leads(@Payload() req: RequestOf<typeof R.ListSmartListLeads>) {
    return this.smartLists.items(req, req.smartListId, 'lead', req.query);
  }

  @MessagePattern(R.ListSmartListContacts)
  contacts(@Payload() req: RequestOf<typeof R.ListSmartListContacts>) {
    return this.smartLists.items(req, req.smartListId, 'contact', req.query);
  }

  @MessagePattern(R.ListSmartListDeals)
  deals(@Payload() req: RequestOf<typeof R.ListSmartListDeals>) {
    return this.smartLists.items(req, req.smartListId, 'deal', req.query);
  }

  @MessagePattern(R.CountSmartList)
  count(@Payload() req: RequestOf<typeof R.CountSmartList>) {
    return this.smartLists.count(req, req.id);
  }

  @MessagePattern(R.StartBulkAction)
  startBulkAction(@Payload() req: RequestOf<typeof R.StartBulkAction>) {
    return this.jobs.start(req, req.smartListId, req.data);
  }

  @MessagePattern(R.GetJob)
  getJob(@Payload() req: RequestOf<typeof R.GetJob>) {
    return this.jobs.get(req, req.id);
  }
}
