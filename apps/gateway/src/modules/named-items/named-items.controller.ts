import { Delete, Get, HttpCode, Post, Put, Type } from '@nestjs/common';
import { Actor, NamedItemAttributes, NamedItemDto, NamedItemKind, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import type { FilterKind } from '../../http/list-query';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { NAMED_ITEM_SCHEMA } from '../../openapi/response-schemas';
import { namedItemList } from '../list-specs';

interface NamedItemResource {
  kind: NamedItemKind;
  path: string;
  tag: string;
  /** Singular and plural for the documentation. */
  singular: string;
  plural: string;
  filters: Record<string, FilterKind>;
}

/**
 * Tags, lead sources, deal sources and loss reasons are one shape with one set of subjects told
 * apart by `kind`; a controller class per resource keeps Sell's paths and per-resource docs.
 */
function namedItemsController(resource: NamedItemResource): Type<unknown> {
  const { kind, singular, plural } = resource;
  const listSpec = namedItemList(kind, resource.filters);

  @SellResource(resource.path, resource.tag)
  class NamedItemsController {
    constructor(private readonly rpc: RpcClient) {}

    @Get()
    @ListRoute(`List ${plural}`, kind, NAMED_ITEM_SCHEMA, listSpec)
    async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<NamedItemDto>> {
      return collection(kind, await this.rpc.request(R.ListNamedItems, { ...actor, kind, query: list.query }), list);
    }

    @Get(':id')
    @ApiSellRead(`Retrieve a ${singular}`, kind, NAMED_ITEM_SCHEMA)
    async get(@CurrentActor() actor: Actor, @RecordId('id', kind) id: number): Promise<SingleEnvelope<NamedItemDto>> {
      return single(kind, await this.rpc.request(R.GetNamedItem, { ...actor, kind, id }));
    }

    @Post()
    @HttpCode(200)
    @ApiSellWrite(`Create a ${singular}`, kind, NAMED_ITEM_SCHEMA, NamedItemAttributes)
    async create(@CurrentActor() actor: Actor, @SellData(kind) data: Record<string, unknown>): Promise<SingleEnvelope<NamedItemDto>> {
      return single(kind, await this.rpc.request(R.CreateNamedItem, { ...actor, kind, data }));
    }

    @Put(':id')
    @ApiSellWrite(`Update a ${singular}`, kind, NAMED_ITEM_SCHEMA, NamedItemAttributes)
    async update(
      @CurrentActor() actor: Actor,
      @RecordId('id', kind) id: number,
      @SellData(kind) data: Record<string, unknown>,
    ): Promise<SingleEnvelope<NamedItemDto>> {
      return single(kind, await this.rpc.request(R.UpdateNamedItem, { ...actor, kind, id, data }));
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiSellDelete(`Delete a ${singular}`)
    async remove(@CurrentActor() actor: Actor, @RecordId('id', kind) id: number): Promise<void> {
      await this.rpc.request(R.DeleteNamedItem, { ...actor, kind, id });
    }
  }

  // Nest and Swagger name things by class name: one per resource.
  const name = `${resource.path.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}Controller`;
  Object.defineProperty(NamedItemsController, 'name', { value: name });
  return NamedItemsController;
}

export const TagsController = namedItemsController({
  kind: 'tag', path: 'tags', tag: 'Tags', singular: 'tag', plural: 'tags',
  filters: { name: 'text', resource_type: 'text' },
});
export const LeadSourcesController = namedItemsController({
  kind: 'lead_source', path: 'lead_sources', tag: 'Lead sources', singular: 'lead source', plural: 'lead sources',
  filters: { name: 'text', resource_type: 'text' },
});
export const DealSourcesController = namedItemsController({
  kind: 'deal_source', path: 'deal_sources', tag: 'Deal sources', singular: 'deal source', plural: 'deal sources',
  filters: { name: 'text', resource_type: 'text' },
});
export const LossReasonsController = namedItemsController({
  kind: 'loss_reason', path: 'loss_reasons', tag: 'Loss reasons', singular: 'loss reason', plural: 'loss reasons',
  filters: { name: 'text' },
});
