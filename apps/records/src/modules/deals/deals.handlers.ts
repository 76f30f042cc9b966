import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { DealContactsService } from './deal-contacts.service';
import { DealsService } from './deals.service';
import { StageTotalsService } from './stage-totals.service';

@Controller()
export class DealsHandlers {
  constructor(
    private readonly deals: DealsService,
    private readonly dealContacts: DealContactsService,
    private readonly stageTotals: StageTotalsService,
  ) {}

  @MessagePattern(R.ListDeals)
  list(@Payload() req: RequestOf<typeof R.ListDeals>) {
    return this.deals.list(req, req.query);
  }

  @MessagePattern(R.GetDeal)
  get(@Payload() req: RequestOf<typeof R.GetDeal>) {
    return this.deals.get(req, req.id);
  }

  @MessagePattern(R.CreateDeal)
  create(@Payload() req: RequestOf<typeof R.CreateDeal>) {
    return this.deals.create(req, req.data);
  }

  @MessagePattern(R.UpdateDeal)
  update(@Payload() req: RequestOf<typeof R.UpdateDeal>) {
    return this.deals.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteDeal)
  delete(@Payload() req: RequestOf<typeof R.DeleteDeal>) {
    return this.deals.delete(req, req.id);
  }

  @MessagePattern(R.PipelineStageTotals)
  pipelineStageTotals(@Payload() req: RequestOf<typeof R.PipelineStageTotals>) {
    return this.stageTotals.forPipeline(req, req.id);
  }

  @MessagePattern(R.ListAssociatedContacts)
  listContacts(@Payload() req: RequestOf<typeof R.ListAssociatedContacts>) {
    return this.dealContacts.list(req, req.dealId, req.query);
  }

  @MessagePattern(R.AddAssociatedContact)
  addContact(@Payload() req: RequestOf<typeof R.AddAssociatedContact>) {
    return this.dealContacts.add(req, req.dealId, req.data);
  }

  @MessagePattern(R.GetDealContactIds)
  contactIds(@Payload() req: RequestOf<typeof R.GetDealContactIds>) {
    return this.dealContacts.contactIdsOf(req.accountId, req.dealIds);
  }

  @MessagePattern(R.RemoveAssociatedContact)
  removeContact(@Payload() req: RequestOf<typeof R.RemoveAssociatedContact>) {
    return this.dealContacts.remove(req, req.dealId, req.contactId);
  }
}
