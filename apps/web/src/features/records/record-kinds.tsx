import type { ContactDto, DealDto, LeadDto, RecordResourceType } from '@crm/contracts';
import { Anchor, Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Lookups } from './lookups';
import type { AnyRecord } from './types';

/** One column of a record list; `sortField` is the API's `sort_by` field when the column sorts. */
export interface Column<T> {
  label: string;
  sortField?: string;
  // Method syntax: a lead's column is usable where any record's column is expected.
  render(row: T, lookups: Lookups): ReactNode;
}

/** What differs between leads, contacts and deals; everything else in this area is shared. */
export interface RecordKind<T extends AnyRecord = AnyRecord> {
  type: RecordResourceType;
  /** `/v2/leads` */
  apiPath: string;
  /** `/leads` in the app */
  basePath: string;
  singular: string;
  plural: string;
  title: string;
  /** Sell's default order for the resource. */
  defaultSort: string;
  displayName(record: T): string;
  columns: Column<T>[];
}

const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/** A person's name, else the first fallback given (company, email), else `#id`. */
export function partyName(record: { id: number; first_name: string | null; last_name: string | null }, ...fallbacks: (string | null | undefined)[]): string {
  const name = [record.first_name, record.last_name].filter(Boolean).join(' ').trim();
  return name || fallbacks.find((f) => f && f.trim()) || `#${record.id}`;
}

function nameLink<T extends AnyRecord>(kind: () => RecordKind<T>) {
  return (row: T) => (
    <Anchor component={Link} to={`${kind().basePath}/${row.id}`} fw={500}>
      {kind().displayName(row)}
    </Anchor>
  );
}

export const LEAD_KIND: RecordKind<LeadDto> = {
  type: 'lead',
  apiPath: '/v2/leads',
  basePath: '/leads',
  singular: 'lead',
  plural: 'leads',
  title: 'Leads',
  defaultSort: 'updated_at:desc',
  displayName: (lead) => partyName(lead, lead.organization_name, lead.email),
  columns: [
    { label: 'Name', sortField: 'last_name', render: nameLink(() => LEAD_KIND) },
    { label: 'Company', sortField: 'organization_name', render: (l) => l.organization_name ?? '—' },
    { label: 'Status', sortField: 'status', render: (l) => <Badge variant="light">{l.status}</Badge> },
    { label: 'Email', sortField: 'email', render: (l) => l.email ?? '—' },
    { label: 'Phone', render: (l) => l.phone ?? l.mobile ?? '—' },
    { label: 'Owner', sortField: 'owner_id', render: (l, lookups) => lookups.userName(l.owner_id) },
    { label: 'Updated', sortField: 'updated_at', render: (l) => dateOf(l.updated_at) },
  ],
};

export const CUSTOMER_STATUS_LABELS: Record<ContactDto['customer_status'], string> = { none: 'Not a customer', current: 'Customer', past: 'Past customer' };
export const PROSPECT_STATUS_LABELS: Record<ContactDto['prospect_status'], string> = { none: 'Not a prospect', current: 'Prospect', lost: 'Lost prospect' };

export const CONTACT_KIND: RecordKind<ContactDto> = {
  type: 'contact',
  apiPath: '/v2/contacts',
  basePath: '/contacts',
  singular: 'contact',
  plural: 'contacts',
  title: 'Contacts',
  defaultSort: 'last_name:asc',
  displayName: (c) => (c.is_organization ? c.name || `#${c.id}` : partyName(c, c.email)),
  columns: [
    { label: 'Name', sortField: 'last_name', render: nameLink(() => CONTACT_KIND) },
    { label: 'Type', render: (c) => (c.is_organization ? 'Company' : 'Person') },
    { label: 'Customer', render: (c) => <Badge variant="light" color={c.customer_status === 'current' ? 'green' : 'gray'}>{CUSTOMER_STATUS_LABELS[c.customer_status]}</Badge> },
    { label: 'Prospect', render: (c) => <Badge variant="light" color={c.prospect_status === 'current' ? 'blue' : 'gray'}>{PROSPECT_STATUS_LABELS[c.prospect_status]}</Badge> },
    { label: 'Email', sortField: 'email', render: (c) => c.email ?? '—' },
    { label: 'Owner', sortField: 'owner_id', render: (c, lookups) => lookups.userName(c.owner_id) },
    { label: 'Updated', sortField: 'updated_at', render: (c) => dateOf(c.updated_at) },
  ],
};

export function formatMoney(value: string, currency: string): string {
  const amount = Number(value);
  if (!Number.isFinite(amount)) return `${value} ${currency}`;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}

export const DEAL_KIND: RecordKind<DealDto> = {
  type: 'deal',
  apiPath: '/v2/deals',
  basePath: '/deals',
  singular: 'deal',
  plural: 'deals',
  title: 'Deals',
  defaultSort: 'updated_at:desc',
  displayName: (d) => d.name || `#${d.id}`,
  columns: [
    { label: 'Name', sortField: 'name', render: nameLink(() => DEAL_KIND) },
    { label: 'Value', sortField: 'value', render: (d) => formatMoney(d.value, d.currency) },
    { label: 'Stage', render: (d, lookups) => <Badge variant="light">{lookups.stageName(d.stage_id)}</Badge> },
    { label: 'Hot', render: (d) => (d.hot ? <Badge color="red">Hot</Badge> : '—') },
    { label: 'Owner', sortField: 'owner_id', render: (d, lookups) => lookups.userName(d.owner_id) },
    { label: 'Est. close', sortField: 'estimated_close_date', render: (d) => dateOf(d.estimated_close_date) },
    { label: 'Updated', sortField: 'updated_at', render: (d) => dateOf(d.updated_at) },
  ],
};

/** Lead statuses Sell starts with; any other status a lead carries is offered too. */
export const LEAD_STATUSES = ['New', 'Working', 'Unqualified', 'Converted'];
