import type { PoolMemberDto, RecordResourceType } from '@crm/contracts';

export const RECORD_TYPE_LABELS: Record<RecordResourceType, string> = { lead: 'Leads', contact: 'Contacts', deal: 'Deals' };

/** What the members editor holds; the API numbers positions itself from the order. */
export type MemberDraft = Pick<PoolMemberDto, 'user_id' | 'weight' | 'paused' | 'daily_cap'> & Partial<Pick<PoolMemberDto, 'assigned_today' | 'active'>>;

/** `members` of `PUT /v2/distribution_pools/:id`: replaces the whole ordered list. */
export function membersPayload(members: MemberDraft[]) {
  return members.map((m) => ({ user_id: m.user_id, weight: m.weight, paused: m.paused, daily_cap: m.daily_cap }));
}
