/** The API's shapes the board reads (Sell v2: pipelines, stages, deals, contacts). */

export interface Pipeline {
  id: number;
  name: string;
}

export type StageCategory = 'incoming' | 'qualified' | 'quote' | 'closure' | 'won' | 'lost' | 'unqualified' | string;

export interface Stage {
  id: number;
  name: string;
  category: StageCategory;
  position: number;
  likelihood: number;
  active: boolean;
  pipeline_id: number;
}

export interface Deal {
  id: number;
  name: string;
  /** A decimal string ("1200.00"). */
  value: string;
  currency: string;
  stage_id: number;
  contact_id: number | null;
  owner_id: number;
  hot: boolean;
  updated_at: string;
}

export interface ContactName {
  id: number;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
}

/** `GET /v2/pipelines/:id/stage_totals`: every deal of a stage the user may see, counted and summed per currency. */
export interface StageTotal {
  stage_id: number;
  count: number;
  values: { currency: string; count: number; value: string }[];
}

/** A deal as a card shows it: with its contact's name when the user may see the contact. */
export interface DealCardData extends Deal {
  contact_name: string | null;
}

export function contactNameOf(contact: ContactName): string {
  return contact.name?.trim() || [contact.first_name, contact.last_name].filter(Boolean).join(' ') || `Contact ${contact.id}`;
}

/** Won, lost and unqualified stages close a deal; won ones make its contacts customers (server side). */
export function isClosingStage(stage: Stage): boolean {
  return stage.category === 'won' || stage.category === 'lost' || stage.category === 'unqualified';
}
