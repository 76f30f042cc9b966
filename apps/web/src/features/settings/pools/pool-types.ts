/** A distribution pool as the API returns it (`GET /v2/distribution_pools`). */
export type PoolRecordType = 'lead' | 'contact' | 'deal';

export interface PoolMember {
  user_id: number;
  position: number;
  weight: number;
  paused: boolean;
  daily_cap: number | null;
  /** Assigned today (UTC), counted against the cap. */
  assigned_today: number;
  /** False when the user is deactivated: the pool skips them. */
  active: boolean;
}

export interface DistributionPool {
  id: number;
  name: string;
  resource_type: PoolRecordType;
  members: PoolMember[];
  creator_id: number;
  created_at: string;
  updated_at: string;
}

export interface PoolAssignment {
  id: number;
  pool_id: number;
  user_id: number;
  resource_type: PoolRecordType;
  resource_id: number | null;
  reason: string;
  source: string;
  created_at: string;
}

export const RECORD_TYPE_LABELS: Record<PoolRecordType, string> = { lead: 'Leads', contact: 'Contacts', deal: 'Deals' };

/** What the members editor holds; the API numbers positions itself from the order. */
export type MemberDraft = Pick<PoolMember, 'user_id' | 'weight' | 'paused' | 'daily_cap'> & Partial<Pick<PoolMember, 'assigned_today' | 'active'>>;

/** `members` of `PUT /v2/distribution_pools/:id`: replaces the whole ordered list. */
export function membersPayload(members: MemberDraft[]) {
  return members.map((m) => ({ user_id: m.user_id, weight: m.weight, paused: m.paused, daily_cap: m.daily_cap }));
}
