import { Delete, Get, HttpCode, Post } from '@nestjs/common';
import { Actor, PhoneNumberAttributes, PhoneNumberDto, TelephonyRequests as T } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellErrors, ApiSellWrite } from '../../openapi/api-decorators';
import { PHONE_NUMBER_LIST, PHONE_NUMBER_SCHEMA } from './telephony-schemas';

/** Our extension: users' Twilio numbers (one each), where their texts and calls come and go. */
@SellResource('phone_numbers', 'Telephony')
export class PhoneNumbersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute("List the account's Twilio numbers", 'phone_number', PHONE_NUMBER_SCHEMA, PHONE_NUMBER_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<PhoneNumberDto>> {
    return collection('phone_number', await this.rpc.request(T.ListPhoneNumbers, { ...actor, query: list.query }), list);
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite("Assign a Twilio number to a user (manage settings; 409 when the number or the user is taken)", 'phone_number', PHONE_NUMBER_SCHEMA, PhoneNumberAttributes)
  @ApiSellErrors(403, 409)
  async assign(@CurrentActor() actor: Actor, @SellData('phone_number') data: Record<string, unknown>): Promise<SingleEnvelope<PhoneNumberDto>> {
    return single('phone_number', await this.rpc.request(T.AssignPhoneNumber, { ...actor, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete("Take a Twilio number from its user (manage settings)")
  @ApiSellErrors(403)
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'phone_number') id: number): Promise<void> {
    await this.rpc.request(T.RemovePhoneNumber, { ...actor, id });
  }
}
