import type { ContactDto, DealDto, StageDto } from '@crm/contracts';

/** A deal as a card shows it: with its contact's name when the user may see the contact. */
export type DealCardData = DealDto & { contact_name: string | null };

export function contactNameOf(contact: Pick<ContactDto, 'id' | 'name' | 'first_name' | 'last_name'>): string {
  return contact.name?.trim() || [contact.first_name, contact.last_name].filter(Boolean).join(' ') || `Contact ${contact.id}`;
}

/** Won, lost and unqualified stages close a deal; won ones make its contacts customers (server side). */
export function isClosingStage(stage: StageDto): boolean {
  return stage.category === 'won' || stage.category === 'lost' || stage.category === 'unqualified';
}
