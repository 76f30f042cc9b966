/**
 * The API's shapes as this area reads them (Sell's fields plus our extensions). The web app does not
 * import @crm/contracts: its classes carry server-side validation code the browser does not need.
 */

export type RecordType = 'lead' | 'contact' | 'deal';

export interface Address {
  line1: string | null;
  city: string | null;
  postal_code: string | null;
  state: string | null;
  country: string | null;
}

interface Party {
  id: number;
  creator_id: number;
  owner_id: number;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  address: Address | null;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export interface Lead extends Party {
  organization_name: string | null;
  status: string;
  source_id: number | null;
}

export type CustomerStatus = 'none' | 'current' | 'past';
export type ProspectStatus = 'none' | 'current' | 'lost';

export interface Contact extends Party {
  is_organization: boolean;
  name: string | null;
  contact_id: number | null;
  customer_status: CustomerStatus;
  prospect_status: ProspectStatus;
  bcc_email: string | null;
}

export interface Deal {
  id: number;
  creator_id: number;
  owner_id: number;
  name: string;
  value: string;
  currency: string;
  hot: boolean;
  stage_id: number;
  contact_id: number | null;
  organization_id: number | null;
  dropbox_email: string | null;
  estimated_close_date: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export type AnyRecord = Lead | Contact | Deal;

export interface User {
  id: number;
  name: string;
  email: string;
  status: 'active' | 'inactive';
}

export interface Pipeline {
  id: number;
  name: string;
}

export interface Stage {
  id: number;
  name: string;
  category: string;
  position: number;
  pipeline_id: number;
  active: boolean;
}

export interface Tag {
  id: number;
  name: string;
  resource_type?: RecordType;
}

/** A smart list's saved filter (every key narrows; values within a key match any). */
export interface SmartListFilters {
  owner_id?: number[];
  status?: string[];
  stage_id?: number[];
  tags?: string[];
  customer_status?: CustomerStatus[];
  prospect_status?: ProspectStatus[];
  hot?: boolean;
  q?: string;
}

export interface SmartList {
  id: number;
  name: string;
  resource_type: RecordType;
  filters: SmartListFilters & Record<string, unknown>;
  creator_id: number;
}

export type JobStatus = 'allocating' | 'queued' | 'running' | 'completed' | 'failed';

export interface Job {
  id: number;
  status: JobStatus;
  total: number;
  processed: number;
  /** processed / total, 0..1. */
  progress: number;
  error: string | null;
}

export interface LeadConversion {
  id: number;
  lead_id: number;
  individual_id: number;
  organization_id: number | null;
  deal_id: number | null;
}

export type ActivityType = 'email' | 'call' | 'text_message' | 'note';

export interface Activity {
  type: ActivityType;
  id: number;
  occurred_at: string;
  user_id: number | null;
  starred: boolean;
  thread_ids: number[];
  snippet: string | null;
  subject?: string | null;
  direction?: string;
  from?: { email: string; name?: string | null } | null;
  duration?: number;
  missed?: boolean;
  is_important?: boolean;
}

export interface Thread {
  id: number;
  name: string;
}

export interface Task {
  id: number;
  owner_id: number;
  content: string;
  due_date: string | null;
  completed: boolean;
  overdue: boolean;
}

export interface BccAddress {
  email: string;
  created_at: string;
  previous: { email: string; expires_at: string }[];
}
