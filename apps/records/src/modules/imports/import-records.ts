import { decimalValueOf, type RecordResourceType } from '@crm/contracts';
import { applyPartyAttributes, EMPTY_PARTY, normalizeTags } from '../../common/party-attributes';
import type { PartyColumns } from '../../common/party-columns';

/** What every row of one import shares: who creates, and the account's defaults and ids to check against. */
export interface ImportDefaults {
  accountId: number;
  creatorId: number;
  currency: string;
  firstStageId: number | null;
  stageIds: ReadonlySet<number>;
  leadSourceIds: ReadonlySet<number>;
}

export const TABLES: Record<RecordResourceType, string> = { lead: 'records.leads', contact: 'records.contacts', deal: 'records.deals' };

/**
 * The table row a validated CSV record becomes, with every column the API would set on create
 * (so the batch can be inserted in one statement), or why it cannot be created.
 */
export function buildRecord(
  resourceType: RecordResourceType,
  attributes: Record<string, unknown>,
  ownerId: number,
  defaults: ImportDefaults,
): { record: Record<string, unknown> } | { error: string } {
  const tags = normalizeTags((attributes.tags as string[] | undefined) ?? []);
  const customFields = (attributes.custom_fields as Record<string, unknown> | undefined) ?? {};
  const base = { account_id: defaults.accountId, creator_id: defaults.creatorId, owner_id: ownerId };
  if (resourceType === 'deal') {
    const stageId = (attributes.stage_id as number | undefined) ?? defaults.firstStageId;
    if (stageId === null || !defaults.stageIds.has(stageId)) return { error: `stage_id: stage ${attributes.stage_id ?? ''} does not exist` };
    const now = new Date().toISOString();
    return {
      record: {
        ...base,
        name: String(attributes.name).trim(),
        value: decimalValueOf(attributes.value as string | number | null | undefined),
        currency: ((attributes.currency as string | undefined) ?? defaults.currency).toUpperCase(),
        hot: attributes.hot === true,
        stage_id: stageId,
        estimated_close_date: (attributes.estimated_close_date as string | undefined)?.slice(0, 10) ?? null,
        last_stage_change_at: now,
        last_stage_change_by_id: defaults.creatorId,
        added_at: now,
        tags,
        custom_fields: customFields,
      },
    };
  }
  const party: Record<string, unknown> = { ...EMPTY_PARTY, ...base };
  applyPartyAttributes(party as unknown as PartyColumns, attributes);
  party.tags = tags;
  party.custom_fields = customFields;
  if (resourceType === 'lead') {
    const sourceId = attributes.source_id as number | undefined;
    if (sourceId !== undefined && !defaults.leadSourceIds.has(sourceId)) return { error: `source_id: lead source ${sourceId} does not exist` };
    return {
      record: {
        ...party,
        organization_name: (attributes.organization_name as string | undefined) ?? null,
        status: (attributes.status as string | undefined) ?? 'New',
        source_id: sourceId ?? null,
      },
    };
  }
  const isOrganization = attributes.is_organization === true;
  const personName = [party.first_name, party.last_name].filter(Boolean).join(' ');
  return {
    record: {
      ...party,
      is_organization: isOrganization,
      name: isOrganization ? String(attributes.name).trim() : personName,
      customer_status: 'none',
      prospect_status: 'none',
    },
  };
}
