import { Get, Param, Put } from '@nestjs/common';
import {
  Actor,
  DomainError,
  Integration,
  INTEGRATIONS,
  IntegrationOwnerAttributes,
  IntegrationOwnerDto,
  RecordResourceType,
  RecordsRequests as R,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { SchemaObject } from '@nestjs/swagger';
import { collection, CollectionEnvelope, ListContext, pageOfArray, single, SingleEnvelope } from '../../http/envelopes';
import { pagedOnly } from '../../http/list-query';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellWrite } from '../../openapi/api-decorators';

const SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    integration: { type: 'string', enum: [...INTEGRATIONS] },
    resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'] },
    owner_id: { type: 'integer', nullable: true },
    owner_pool_id: { type: 'integer', nullable: true },
    updated_at: { type: 'string', format: 'date-time' },
  },
};

/**
 * Our extension: the account's default owner (a user or a distribution pool) for records each
 * integration creates — API clients that give no owner, mail-ingest, telephony, lead forms.
 */
@SellResource('integration_owners', 'Distribution pools')
export class IntegrationOwnersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List default owners per integration and record type', 'integration_owner', SCHEMA, pagedOnly('integration_owner'))
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<IntegrationOwnerDto>> {
    return collection('integration_owner', pageOfArray(await this.rpc.request(R.ListIntegrationOwners, actor), list.query), list);
  }

  @Put(':integration/:resource_type')
  @ApiSellWrite('Set (or, with nulls, clear) a default owner (manage settings)', 'integration_owner', SCHEMA, IntegrationOwnerAttributes)
  async set(
    @CurrentActor() actor: Actor,
    @Param('integration') integration: string,
    @Param('resource_type') resourceType: string,
    @SellData('integration_owner') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<IntegrationOwnerDto>> {
    if (!(INTEGRATIONS as readonly string[]).includes(integration) || !['lead', 'contact', 'deal'].includes(resourceType)) {
      throw DomainError.notFound('integration_owner', `${integration}/${resourceType}`);
    }
    return single(
      'integration_owner',
      await this.rpc.request(R.SetIntegrationOwner, {
        ...actor,
        integration: integration as Integration,
        resourceType: resourceType as RecordResourceType,
        data,
      }),
    );
  }
}
