import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ListQuery, Page, parseAttributes, PhoneNumberAttributes, PhoneNumberDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient, TransactionRunner } from '@crm/platform';
import { PhoneNumberDirectory } from './phone-number-directory';
import { toPhoneNumberDto } from './phone-numbers.mapper';
import { PhoneNumbersRepository, PhoneNumberRow } from './phone-numbers.repository';
import { twilioNumberE164 } from './phone-format';

/** Which Twilio number belongs to which user: admins (manage settings) assign and remove them. */
@Injectable()
export class PhoneNumbersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly numbers: PhoneNumbersRepository,
    private readonly rpc: RpcClient,
    private readonly directory: PhoneNumberDirectory,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<PhoneNumberDto>> {
    const page = await this.transactions.read((tx) => this.numbers.list(tx, actor.accountId, query));
    return { items: page.rows.map(toPhoneNumberDto), hasMore: page.hasMore };
  }

  async assign(actor: Actor, data: unknown): Promise<PhoneNumberDto> {
    await this.requireManageSettings(actor);
    const attributes = parseAttributes('phone_number', PhoneNumberAttributes, data);
    const phoneNumber = twilioNumberE164(attributes.phone_number);
    if (!phoneNumber) {
      throw DomainError.invalid('phone_number', 'phone_number', 'must be a valid phone number with its country code, e.g. +14155550100');
    }
    await this.requireUser(actor, attributes.user_id);
    const outcome = await this.transactions.run((tx) => this.numbers.assign(tx, actor.accountId, attributes.user_id, phoneNumber));
    this.directory.forgetAll();
    if ('conflict' in outcome) {
      throw DomainError.conflict(
        'phone_number',
        outcome.conflict === 'number_taken' ? `${phoneNumber} is already assigned` : `user ${attributes.user_id} already has a phone number`,
      );
    }
    return toPhoneNumberDto(outcome.row);
  }

  async remove(actor: Actor, id: number): Promise<{ deleted: true }> {
    await this.requireManageSettings(actor);
    const deleted = await this.transactions.run((tx) => this.numbers.delete(tx, actor.accountId, id));
    this.directory.forgetAll();
    if (!deleted) throw DomainError.notFound('phone_number', id);
    return { deleted: true };
  }

  /** The actor's own Twilio number, which every text and call they make goes out from. */
  async requireOwn(actor: Actor, resource: string): Promise<PhoneNumberRow> {
    const own = await this.transactions.read((tx) => this.numbers.ofUser(tx, actor.accountId, actor.userId));
    if (!own) {
      throw new DomainError(422, [{ resource, code: 'invalid', message: 'you have no Twilio phone number: an admin assigns one (POST /v2/phone_numbers)' }]);
    }
    return own;
  }

  private async requireManageSettings(actor: Actor): Promise<void> {
    const { allowed } = await this.rpc.request(R.CheckPermission, { accountId: actor.accountId, userId: actor.userId, permission: 'manage_settings' });
    if (!allowed) throw DomainError.forbidden('phone_number', 'your role does not allow managing phone numbers (manage settings)');
  }

  /** A user of the account: another account's or a missing one is a 404 (records answers it), and nothing changes. */
  private async requireUser(actor: Actor, userId: number): Promise<void> {
    await this.rpc.request(R.GetUser, { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId, id: userId });
  }
}
