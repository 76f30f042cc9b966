import { Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ActivityRequests as A, Actor, StarAttributes, StarDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { ApiParam } from '@nestjs/swagger';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellWrite } from '../../openapi/api-decorators';
import { STAR_SCHEMA } from './star-schemas';

/**
 * Our extension: stars on emails, text messages and notes. A star is shared: whoever can see the
 * item (the record it is on) sees it and may set or remove it. Both calls are idempotent.
 */
@SellResource('stars', 'Stars')
export class StarsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Star an email, text message or note (extension; idempotent)', 'star', STAR_SCHEMA, StarAttributes)
  async star(@CurrentActor() actor: Actor, @SellData('star') data: Record<string, unknown>): Promise<SingleEnvelope<StarDto>> {
    return single('star', await this.rpc.request(A.Star, { ...actor, data }));
  }

  @Delete(':item_type/:item_id')
  @HttpCode(204)
  @ApiSellDelete('Remove the star of an email, text message or note (extension; idempotent)')
  @ApiParam({ name: 'item_type', enum: ['email', 'text_message', 'note'] })
  async unstar(
    @CurrentActor() actor: Actor,
    @Param('item_type') itemType: string,
    @RecordId('item_id', 'star') itemId: number,
  ): Promise<void> {
    await this.rpc.request(A.Unstar, { ...actor, itemType, itemId });
  }
}
