import { Inject, Injectable } from '@nestjs/common';
import { Actor, BccAddressDto, DomainError, MailEvents, RecordsRequests } from '@crm/contracts';
import { EventPublisher, RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';
import { addressOf, localPartAt, newBccLocalPart, newDealLocalPart } from './address-format';
import { AddressesRepository, AddressTarget, BccAddressRow } from './addresses.repository';
import { RecentRecipients } from './recent-recipients';

/** The account's global BCC address (with "Generate new address") and every deal's dropbox address. */
@Injectable()
export class AddressesService {
  private readonly recentRecipients = new RecentRecipients();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly addresses: AddressesRepository,
    private readonly events: EventPublisher,
    private readonly rpc: RpcClient,
    @Inject(MAIL_INGEST_SETTINGS) private readonly settings: MailIngestEnv,
  ) {}

  async get(actor: Actor): Promise<BccAddressDto> {
    let usable = await this.transactions.read((tx) => this.addresses.usable(tx, actor.accountId));
    if (!usable.some((row) => row.expires_at === null)) {
      await this.transactions.run((tx) => this.ensureAccountAddress(tx, actor.accountId, actor.correlationId));
      usable = await this.transactions.read((tx) => this.addresses.usable(tx, actor.accountId));
    }
    return this.toDto(usable);
  }

  /** "Generate new address": admins only (it changes what every user has to Bcc). */
  async regenerate(actor: Actor): Promise<BccAddressDto> {
    const { allowed } = await this.rpc.request(RecordsRequests.CheckPermission, { ...actor, permission: 'manage_settings' });
    if (!allowed) throw DomainError.forbidden('bcc_address', 'your role does not allow changing the BCC address (manage settings)');
    const localPart = newBccLocalPart();
    await this.transactions.run(async (tx) => {
      await this.addresses.replace(tx, actor.accountId, localPart, this.settings.BCC_GRACE_PERIOD_SECONDS);
      await this.announce(tx, actor.accountId, localPart, actor.correlationId);
    });
    this.recentRecipients.forgetAll();
    return this.toDto(await this.transactions.read((tx) => this.addresses.usable(tx, actor.accountId)));
  }

  /** Give a (new) account its first address; nothing if it has one. */
  async ensureAccountAddress(tx: Tx, accountId: number, correlationId?: string): Promise<void> {
    const localPart = newBccLocalPart();
    if (await this.addresses.insertFirst(tx, accountId, localPart)) await this.announce(tx, accountId, localPart, correlationId);
  }

  async ensureDealAddress(tx: Tx, accountId: number, dealId: number, correlationId?: string): Promise<void> {
    const localPart = newDealLocalPart(dealId);
    if (!(await this.addresses.insertDealAddress(tx, accountId, dealId, localPart))) return;
    await this.events.publish(tx, MailEvents.dealAddress.assigned, {
      accountId,
      correlationId,
      dealId,
      address: addressOf(localPart, this.settings.BCC_DOMAIN),
    });
  }

  async deleteDealAddress(tx: Tx, accountId: number, dealId: number): Promise<void> {
    await this.addresses.deleteDealAddress(tx, accountId, dealId);
    tx.afterCommit(() => this.recentRecipients.forgetAll());
  }

  /** The account and deal an envelope recipient stands for; null for anything that is not ours and in use. */
  async resolveRecipient(address: string): Promise<AddressTarget | null> {
    const localPart = localPartAt(address, this.settings.BCC_DOMAIN);
    if (!localPart) return null;
    const remembered = this.recentRecipients.get(localPart);
    if (remembered) return remembered;
    const found = await this.transactions.read((tx) => this.addresses.resolve(tx, localPart));
    if (!found) return null;
    this.recentRecipients.remember(localPart, found.target, found.expiresAt);
    return found.target;
  }

  private announce(tx: Tx, accountId: number, localPart: string, correlationId?: string): Promise<unknown> {
    return this.events.publish(tx, MailEvents.bccAddress.changed, {
      accountId,
      correlationId,
      address: addressOf(localPart, this.settings.BCC_DOMAIN),
    });
  }

  private toDto(rows: BccAddressRow[]): BccAddressDto {
    const current = rows.find((row) => row.expires_at === null)!;
    return {
      email: addressOf(current.local_part, this.settings.BCC_DOMAIN),
      created_at: current.created_at.toISOString(),
      previous: rows
        .filter((row) => row.expires_at !== null)
        .map((row) => ({ email: addressOf(row.local_part, this.settings.BCC_DOMAIN), expires_at: row.expires_at!.toISOString() })),
    };
  }
}
