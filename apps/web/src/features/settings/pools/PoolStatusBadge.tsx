import { Badge } from '@mantine/core';
import type { MemberDraft } from './pool-types';

/**
 * Whether the pool can hand out records now: it is "paused" when every member is paused (the
 * API pauses members, not pools), and has no one to give to when it has no active member.
 */
export function PoolStatusBadge({ members }: { members: MemberDraft[] }) {
  if (members.length === 0) return <Badge color="gray" variant="light">No members</Badge>;
  const available = members.filter((m) => !m.paused && m.active !== false);
  if (members.every((m) => m.paused)) return <Badge color="yellow" variant="light">Paused</Badge>;
  if (available.length === 0) return <Badge color="red" variant="light">No active member</Badge>;
  return <Badge color="green" variant="light">Active</Badge>;
}
