import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  ListQuery,
  MailboxConnectionAttributes,
  MailboxConnectionDto,
  MailboxFolderRole,
  Page,
  parseAttributes,
  RecordsRequests,
} from '@crm/contracts';
import { RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { credentialContext, CredentialCipher } from './credential-cipher';
import { toMailboxConnectionDto } from './mailbox-connection.mapper';
import { ConnectionSettings, MailboxConnectionRow, MailboxConnectionsRepository } from './mailbox-connections.repository';
import { MailboxSyncWorker } from './mailbox-sync.worker';

const RESOURCE = 'mailbox_connection';
const REQUIRED = ['host', 'port', 'tls', 'username', 'password'] as const;

/**
 * A user connects their own mailbox (one each) and manages it; admins (manage settings) see and
 * disconnect everyone's. Another user's connection is a 404 for everyone else. The password is
 * encrypted before it is stored and never leaves this service.
 */
@Injectable()
export class MailboxConnectionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly connections: MailboxConnectionsRepository,
    private readonly cipher: CredentialCipher,
    private readonly worker: MailboxSyncWorker,
    private readonly rpc: RpcClient,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<MailboxConnectionDto>> {
    const userFilter = query.filters.user_id;
    if (userFilter !== undefined && !/^\d+$/.test(userFilter)) throw DomainError.invalid(RESOURCE, 'user_id', 'user_id must be a user id');
    const wanted = userFilter === undefined ? null : Number(userFilter);
    const admin = await this.isAdmin(actor);
    if (!admin && wanted !== null && wanted !== actor.userId) return { items: [], hasMore: false };
    return this.transactions.read(async (tx) => {
      const { rows, hasMore } = await this.connections.list(tx, actor.accountId, admin ? wanted : actor.userId, query);
      return { items: await this.withFolders(tx, rows), hasMore };
    });
  }

  async get(actor: Actor, id: number): Promise<MailboxConnectionDto> {
    const row = await this.visible(actor, id);
    return this.transactions.read(async (tx) => (await this.withFolders(tx, [row]))[0]);
  }

  async create(actor: Actor, data: unknown): Promise<MailboxConnectionDto> {
    const attributes = parseAttributes(RESOURCE, MailboxConnectionAttributes, data);
    for (const name of REQUIRED) {
      if (attributes[name] === undefined || attributes[name] === null) throw DomainError.invalid(RESOURCE, name, `${name} is required`, 'blank');
    }
    const settings = this.settingsFrom(actor, attributes, null);
    const row = await this.transactions.run(async (tx) => {
      const created = await this.connections.insert(tx, actor.accountId, actor.userId, settings);
      if (!created) throw DomainError.conflict(RESOURCE, 'you already have a connected mailbox: change it (PUT) or disconnect it (DELETE) first');
      return created;
    });
    this.worker.nudge();
    return toMailboxConnectionDto(row, []);
  }

  /** Only the owner changes settings: an admin may see and disconnect another user's mailbox, not log in to it. */
  async update(actor: Actor, id: number, data: unknown): Promise<MailboxConnectionDto> {
    const attributes = parseAttributes(RESOURCE, MailboxConnectionAttributes, data);
    for (const name of REQUIRED) {
      if (attributes[name] === null) throw DomainError.invalid(RESOURCE, name, `${name} cannot be null`);
    }
    const current = await this.visible(actor, id);
    if (current.user_id !== actor.userId) throw DomainError.forbidden(RESOURCE, 'only the mailbox\'s owner can change its settings');
    const settings = this.settingsFrom(actor, attributes, current);
    const forget: MailboxFolderRole[] = [];
    if (settings.host !== current.host || settings.port !== current.port || settings.username !== current.username) forget.push('inbox', 'sent');
    else if (settings.sent_folder !== current.sent_folder) forget.push('sent');
    const row = await this.transactions.run(async (tx) => {
      const updated = await this.connections.updateSettings(tx, actor.accountId, id, settings, forget);
      if (!updated) throw DomainError.notFound(RESOURCE, id);
      return (await this.withFolders(tx, [updated]))[0];
    });
    this.worker.nudge();
    return row;
  }

  /** Disconnect: the sync stops at its next batch; mail already copied stays where it was filed. */
  async delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    await this.visible(actor, id);
    const deleted = await this.transactions.run((tx) => this.connections.delete(tx, actor.accountId, id));
    if (!deleted) throw DomainError.notFound(RESOURCE, id);
    return { deleted: true };
  }

  /** The connection if the actor owns it or is an admin; a 404 otherwise (never reveal another user's). */
  private async visible(actor: Actor, id: number): Promise<MailboxConnectionRow> {
    const row = await this.transactions.read((tx) => this.connections.find(tx, actor.accountId, id));
    if (!row || (row.user_id !== actor.userId && !(await this.isAdmin(actor)))) throw DomainError.notFound(RESOURCE, id);
    return row;
  }

  private settingsFrom(actor: Actor, attributes: MailboxConnectionAttributes, current: MailboxConnectionRow | null): ConnectionSettings {
    const tls = attributes.tls ?? current!.tls;
    const starttls = attributes.starttls ?? current?.starttls ?? false;
    if (tls && starttls) throw DomainError.invalid(RESOURCE, 'starttls', 'starttls upgrades a plain connection: it cannot be combined with tls: true');
    let password = current?.password_encrypted;
    if (attributes.password !== undefined && attributes.password !== null) {
      if (!this.cipher.configured) throw DomainError.invalid(RESOURCE, 'password', 'mailbox_encryption_key not configured: the server cannot store mailbox passwords');
      password = this.cipher.encrypt(credentialContext({ account_id: actor.accountId, user_id: current?.user_id ?? actor.userId }), attributes.password);
    }
    return {
      host: attributes.host ?? current!.host,
      port: attributes.port ?? current!.port,
      tls,
      starttls,
      username: attributes.username ?? current!.username,
      password_encrypted: password!,
      sent_folder: attributes.sent_folder === undefined ? (current?.sent_folder ?? null) : attributes.sent_folder,
    };
  }

  private async withFolders(tx: Tx, rows: MailboxConnectionRow[]): Promise<MailboxConnectionDto[]> {
    const folders = await this.connections.folders(tx, rows.map((row) => row.id));
    return rows.map((row) => toMailboxConnectionDto(row, folders));
  }

  private async isAdmin(actor: Actor): Promise<boolean> {
    const { allowed } = await this.rpc.request(RecordsRequests.CheckPermission, { ...actor, permission: 'manage_settings' });
    return allowed;
  }
}
