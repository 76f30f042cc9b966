import { Injectable } from '@nestjs/common';
import {
  Actor,
  CustomFieldAttributes,
  CustomFieldDto,
  DomainError,
  parseAttributes,
  RecordResourceType,
  RecordsEvents,
  SellErrorItem,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { normalizeCustomFieldValue } from './custom-field-values';
import { toCustomFieldDto } from './custom-fields.mapper';
import { CustomFieldsRepository } from './custom-fields.repository';

@Injectable()
export class CustomFieldsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly fields: CustomFieldsRepository,
    private readonly access: AccessService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, resourceType: RecordResourceType): Promise<CustomFieldDto[]> {
    return this.transactions.read(async (tx) => (await this.fields.list(tx, actor.accountId, resourceType)).map(toCustomFieldDto));
  }

  create(actor: Actor, resourceType: RecordResourceType, data: unknown): Promise<CustomFieldDto> {
    const attributes = parseAttributes('custom_field', CustomFieldAttributes, data);
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid('custom_field', 'name', 'name is required', 'blank');
    if (!attributes.type) throw DomainError.invalid('custom_field', 'type', 'type is required', 'blank');
    const listType = attributes.type === 'list' || attributes.type === 'multi_select_list';
    if (listType && !attributes.choices?.length) {
      throw DomainError.invalid('custom_field', 'choices', 'a list field needs choices', 'blank');
    }
    if (!listType && attributes.choices) throw DomainError.invalid('custom_field', 'choices', 'only list fields have choices');
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', 'custom_field');
      if (await this.fields.findByName(tx, actor.accountId, resourceType, name)) {
        throw DomainError.invalid('custom_field', 'name', 'name has already been taken', 'taken');
      }
      const field = await this.fields.save(tx, {
        account_id: actor.accountId,
        resource_type: resourceType,
        name,
        type: attributes.type,
        choices: listType ? [...new Set(attributes.choices)].map((choice, i) => ({ id: i + 1, name: choice })) : null,
        for_company: attributes.for_company ?? true,
        for_contact: attributes.for_contact ?? true,
      });
      await this.events.publish(tx, RecordsEvents.customField.created, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'custom_field',
        id: field.id,
        actorId: actor.userId,
        data: toCustomFieldDto(field),
      });
      return toCustomFieldDto(field);
    });
  }

  /** Values of one record type's fields that another type also defines (lead → contact on conversion). */
  async carryOver(tx: Tx, accountId: number, to: RecordResourceType, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const names = new Set((await this.fields.list(tx, accountId, to)).map((field) => field.name));
    return Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
  }

  /**
   * Validate the `custom_fields` a client sent against the account's definitions and merge them
   * into the record's current values (a key set to null clears it), or fail with every problem.
   */
  async merge(
    tx: Tx,
    accountId: number,
    resourceType: RecordResourceType,
    current: Record<string, unknown>,
    sent: Record<string, unknown> | undefined,
  ): Promise<Record<string, unknown>> {
    if (!sent || Object.keys(sent).length === 0) return current;
    const definitions = new Map(
      (await this.fields.list(tx, accountId, resourceType)).map((field) => [field.name.toLowerCase(), field]),
    );
    const merged = { ...current };
    const errors: SellErrorItem[] = [];
    for (const [name, value] of Object.entries(sent)) {
      const field = definitions.get(name.toLowerCase());
      if (!field) {
        errors.push({ resource: resourceType, field: `/custom_fields/${name}`, code: 'unknown', message: 'unknown custom field' });
        continue;
      }
      const result = normalizeCustomFieldValue(field, value);
      if ('error' in result) {
        errors.push({ resource: resourceType, field: `/custom_fields/${field.name}`, code: 'invalid', message: result.error });
      } else if (result.value === null) {
        delete merged[field.name];
      } else {
        merged[field.name] = result.value;
      }
    }
    if (errors.length > 0) throw new DomainError(422, errors);
    return merged;
  }
}
