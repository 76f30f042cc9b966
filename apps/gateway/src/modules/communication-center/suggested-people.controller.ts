import { Get, HttpCode, Post } from '@nestjs/common';
import {
  Actor,
  AddSuggestedPeopleAttributes,
  MailboxRequests as M,
  SuggestedPeopleActionDto,
  SuggestedPeopleAttributes,
  SuggestedPersonDto,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors, ApiSellWrite } from '../../openapi/api-decorators';
import { SUGGESTED_PEOPLE_ACTION_SCHEMA, SUGGESTED_PEOPLE_LIST, SUGGESTED_PERSON_SCHEMA } from './communication-center-schemas';

const ADD =
  'one record per sender (owner: owner_id, else the next member of the pool owner_pool_id, else you); ' +
  'their past emails are filed on it at once, so they move to the Inbox. 404 for a sender who never wrote to you, ' +
  '409 for one already filed on a lead or contact; nothing is created then';

/** Our extension: people who wrote to the current user without being a lead or contact. Answered by communications. */
@SellResource('communications/suggested_people', 'Communication Center')
export class SuggestedPeopleController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List your suggested people: senders of your unfiled mail, newest last message first', 'suggested_person', SUGGESTED_PERSON_SCHEMA, SUGGESTED_PEOPLE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<SuggestedPersonDto>> {
    return collection('suggested_person', await this.rpc.request(M.ListSuggestedPeople, { ...actor, query: list.query }), list);
  }

  @Post('add_as_lead')
  @HttpCode(200)
  @ApiSellErrors(403, 409)
  @ApiSellWrite(`Add suggested people as leads: ${ADD}`, 'suggested_people_action', SUGGESTED_PEOPLE_ACTION_SCHEMA, AddSuggestedPeopleAttributes)
  async addAsLead(@CurrentActor() actor: Actor, @SellData('suggested_person') data: Record<string, unknown>): Promise<SingleEnvelope<SuggestedPeopleActionDto>> {
    return single('suggested_people_action', await this.rpc.request(M.AddSuggestedPeople, { ...actor, resourceType: 'lead', data }));
  }

  @Post('add_as_contact')
  @HttpCode(200)
  @ApiSellErrors(403, 409)
  @ApiSellWrite(`Add suggested people as contacts: ${ADD}`, 'suggested_people_action', SUGGESTED_PEOPLE_ACTION_SCHEMA, AddSuggestedPeopleAttributes)
  async addAsContact(@CurrentActor() actor: Actor, @SellData('suggested_person') data: Record<string, unknown>): Promise<SingleEnvelope<SuggestedPeopleActionDto>> {
    return single('suggested_people_action', await this.rpc.request(M.AddSuggestedPeople, { ...actor, resourceType: 'contact', data }));
  }

  @Post('ignore')
  @HttpCode(200)
  @ApiSellWrite('Ignore senders: they leave your suggested people (their mail stays); 404 for a sender who never wrote to you', 'suggested_people_action', SUGGESTED_PEOPLE_ACTION_SCHEMA, SuggestedPeopleAttributes)
  async ignore(@CurrentActor() actor: Actor, @SellData('suggested_person') data: Record<string, unknown>): Promise<SingleEnvelope<SuggestedPeopleActionDto>> {
    return single('suggested_people_action', await this.rpc.request(M.IgnoreSuggestedPeople, { ...actor, data }));
  }

  @Post('unignore')
  @HttpCode(200)
  @ApiSellWrite('Stop ignoring senders (undo ignore)', 'suggested_people_action', SUGGESTED_PEOPLE_ACTION_SCHEMA, SuggestedPeopleAttributes)
  async unignore(@CurrentActor() actor: Actor, @SellData('suggested_person') data: Record<string, unknown>): Promise<SingleEnvelope<SuggestedPeopleActionDto>> {
    return single('suggested_people_action', await this.rpc.request(M.UnignoreSuggestedPeople, { ...actor, data }));
  }
}
