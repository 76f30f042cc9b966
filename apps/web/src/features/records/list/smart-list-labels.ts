import type { SmartListFilters } from '@crm/contracts';
import type { Lookups } from '../lookups';
import { CUSTOMER_STATUS_LABELS, PROSPECT_STATUS_LABELS } from '../record-kinds';
import type { CustomerStatus, ProspectStatus } from '../types';

/** A smart list's saved filter as short readable lines ("Owner: Ann, Bob"), in a fixed order. */
export function describeFilters(filters: SmartListFilters, lookups: Lookups): string[] {
  const lines: string[] = [];
  const known = new Set(['owner_id', 'status', 'stage_id', 'tags', 'customer_status', 'prospect_status', 'hot', 'q']);
  if (filters.status?.length) lines.push(`Status: ${filters.status.join(', ')}`);
  if (filters.stage_id?.length) lines.push(`Stage: ${filters.stage_id.map(lookups.stageName).join(', ')}`);
  // The API checks statuses, but the contract types them as strings: one without a label shows as sent.
  if (filters.customer_status?.length) lines.push(`Customer status: ${filters.customer_status.map((s) => CUSTOMER_STATUS_LABELS[s as CustomerStatus] ?? s).join(', ')}`);
  if (filters.prospect_status?.length) lines.push(`Prospect status: ${filters.prospect_status.map((s) => PROSPECT_STATUS_LABELS[s as ProspectStatus] ?? s).join(', ')}`);
  if (filters.owner_id?.length) lines.push(`Owner: ${filters.owner_id.map(lookups.userName).join(', ')}`);
  if (filters.tags?.length) lines.push(`Tags: ${filters.tags.join(', ')}`);
  if (filters.hot !== undefined) lines.push(filters.hot ? 'Hot deals' : 'Not hot');
  if (filters.q) lines.push(`Search: “${filters.q}”`);
  // Lists made through the API may filter on more (dates, custom fields, sources): shown as sent.
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (!known.has(key) && value !== undefined && value !== null) lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  return lines;
}
