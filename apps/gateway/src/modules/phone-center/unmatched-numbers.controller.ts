import { HttpCode, Post } from '@nestjs/common';
import {
  Actor,
  AddNumberToExistingAttributes,
  AddNumberToSellAttributes,
  PhoneCenterRequests as P,
  UnmatchedNumberAttributes,
  UnmatchedNumberDto,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors, ApiSellWrite } from '../../openapi/api-decorators';
import { UNMATCHED_NUMBER_SCHEMA } from './phone-center-schemas';

const RESOURCE = 'unmatched_number';

/** Our extension: the actions on an unmatched number's calls and texts. Answered by communications. */
@SellResource('communications/unmatched', 'Communication Center')
export class UnmatchedNumbersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('add_to_sell')
  @HttpCode(200)
  @ApiSellWrite(
    "Add to Sell (extension): a new lead or contact with the number (owner: owner_id, or owner_pool_id's next member, else you); the account's unmatched calls and texts of the number match it at once",
    RESOURCE,
    UNMATCHED_NUMBER_SCHEMA,
    AddNumberToSellAttributes,
  )
  @ApiSellErrors(403, 409)
  async addToSell(@CurrentActor() actor: Actor, @SellData(RESOURCE) data: Record<string, unknown>): Promise<SingleEnvelope<UnmatchedNumberDto>> {
    return single(RESOURCE, await this.rpc.request(P.AddNumberToSell, { ...actor, data }));
  }

  @Post('add_to_existing')
  @HttpCode(200)
  @ApiSellWrite(
    "Add to existing (extension): put the number in the lead's or contact's phone, else mobile (422 when both are set), then match",
    RESOURCE,
    UNMATCHED_NUMBER_SCHEMA,
    AddNumberToExistingAttributes,
  )
  async addToExisting(@CurrentActor() actor: Actor, @SellData(RESOURCE) data: Record<string, unknown>): Promise<SingleEnvelope<UnmatchedNumberDto>> {
    return single(RESOURCE, await this.rpc.request(P.AddNumberToExisting, { ...actor, data }));
  }

  @Post('ignore')
  @HttpCode(200)
  @ApiSellWrite(
    'Ignore (extension): hide your unmatched calls and texts from the number; later ones still show (404 when you have none)',
    RESOURCE,
    UNMATCHED_NUMBER_SCHEMA,
    UnmatchedNumberAttributes,
  )
  async ignore(@CurrentActor() actor: Actor, @SellData(RESOURCE) data: Record<string, unknown>): Promise<SingleEnvelope<UnmatchedNumberDto>> {
    return single(RESOURCE, await this.rpc.request(P.IgnoreNumber, { ...actor, data }));
  }
}
