import { Injectable } from '@nestjs/common';
import { AccountDto, Actor, CreateAccountReply, CreateAccountRequest, DomainError, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { isEmail } from 'class-validator';
import { RolesService } from '../access/roles.service';
import { PipelinesService } from '../pipelines/pipelines.service';
import { UsersService } from '../users/users.service';
import { toAccountDto } from './accounts.mapper';
import { AccountsRepository } from './accounts.repository';

@Injectable()
export class AccountsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersService,
    private readonly pipelines: PipelinesService,
    private readonly roles: RolesService,
    private readonly events: EventPublisher,
  ) {}

  get(actor: Actor): Promise<AccountDto> {
    return this.transactions.read(async (tx) => {
      const account = await this.accounts.find(tx, actor.accountId);
      if (!account) throw DomainError.notFound('account', actor.accountId);
      return toAccountDto(account);
    });
  }

  count(): Promise<{ count: number }> {
    return this.transactions.read(async (tx) => ({ count: await this.accounts.count(tx) }));
  }

  /** A new account with its first admin, an API token for them, and Sell's default pipeline. */
  create(request: CreateAccountRequest): Promise<CreateAccountReply> {
    if (!request.name?.trim()) throw DomainError.invalid('account', 'name', 'name is required', 'blank');
    if (!request.adminName?.trim()) throw DomainError.invalid('account', 'admin_name', 'admin name is required', 'blank');
    if (!isEmail(request.adminEmail ?? '')) throw DomainError.invalid('account', 'admin_email', 'must be an email address');
    return this.transactions.run(async (tx) => {
      const account = await this.accounts.save(tx, {
        name: request.name.trim(),
        currency: 'USD',
        timezone: 'UTC',
        time_format: '24H',
        phone: null,
      });
      const actor = { accountId: account.id, userId: null, correlationId: request.correlationId };
      await this.events.publish(tx, RecordsEvents.account.created, {
        ...actor,
        entity: 'account',
        id: account.id,
        actorId: null,
        data: toAccountDto(account),
      });
      const roles = await this.roles.createDefaults(tx, account.id);
      const admin = await this.users.createInTx(tx, actor, {
        name: request.adminName.trim(),
        email: request.adminEmail,
        role_id: roles.admin.id,
      });
      await this.pipelines.createDefaultPipeline(tx, account.id, admin.id, request.correlationId);
      const { plaintext } = await this.users.issueTokenInTx(tx, { ...actor, userId: admin.id }, admin.id, 'Initial admin token');
      return { accountId: account.id, userId: admin.id, token: plaintext };
    });
  }

  async currencyOf(tx: Tx, accountId: number): Promise<string> {
    return (await this.accounts.find(tx, accountId))?.currency ?? 'USD';
  }
}
