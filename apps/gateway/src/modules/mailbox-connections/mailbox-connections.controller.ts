import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, MailboxConnectionAttributes, MailboxConnectionDto, MailboxConnectionRequests as M } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { MAILBOX_CONNECTION_LIST, MAILBOX_CONNECTION_SCHEMA } from './mailbox-connection-schemas';

/**
 * Our extension: a user connects their own IMAP mailbox (one each); INBOX and the sent folder are
 * synced and every message exchanged with a lead or contact is copied onto the record. Admins
 * (manage settings) see and disconnect everyone's.
 */
@SellResource('mailbox_connections', 'Mail')
export class MailboxConnectionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List mailbox connections: your own (admins: everyone\'s; filter by user_id)', 'mailbox_connection', MAILBOX_CONNECTION_SCHEMA, MAILBOX_CONNECTION_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<MailboxConnectionDto>> {
    return collection('mailbox_connection', await this.rpc.request(M.ListMailboxConnections, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a mailbox connection with its sync status and progress per folder', 'mailbox_connection', MAILBOX_CONNECTION_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'mailbox_connection') id: number): Promise<SingleEnvelope<MailboxConnectionDto>> {
    return single('mailbox_connection', await this.rpc.request(M.GetMailboxConnection, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Connect your mailbox (IMAP): host, port, tls, username and password are required', 'mailbox_connection', MAILBOX_CONNECTION_SCHEMA, MailboxConnectionAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('mailbox_connection') data: Record<string, unknown>): Promise<SingleEnvelope<MailboxConnectionDto>> {
    return single('mailbox_connection', await this.rpc.request(M.CreateMailboxConnection, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Change your mailbox\'s settings or password: the sync reconnects at once', 'mailbox_connection', MAILBOX_CONNECTION_SCHEMA, MailboxConnectionAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'mailbox_connection') id: number,
    @SellData('mailbox_connection') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<MailboxConnectionDto>> {
    return single('mailbox_connection', await this.rpc.request(M.UpdateMailboxConnection, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Disconnect a mailbox: the sync stops; mail already copied stays on the records')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'mailbox_connection') id: number): Promise<void> {
    await this.rpc.request(M.DeleteMailboxConnection, { ...actor, id });
  }
}
