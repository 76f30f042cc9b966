import { DomainError, ListQuery, MAILBOX_TABS, MailboxTab } from '@crm/contracts';

const MAX_SEARCH_LENGTH = 500;
/** One address, as typed into the search box: searched in From, To and Cc instead of the text. */
const ADDRESS = /^[^\s@<>"',;]+@[^\s@<>"',;]+$/;

/** What a search asks for: an address, or words for full-text search. */
export type MailboxSearch = { address: string } | { words: string };

export interface MailboxTabQuery {
  tab: MailboxTab;
  /** true: only unread; false: only read; undefined: both. */
  unread?: boolean;
  search?: MailboxSearch;
  page: number;
  perPage: number;
}

/**
 * `tab` (default inbox), `unread` and `q` of a tab's list. A bad value is a 422 on the
 * attribute, as Sell answers one; the gateway has already refused unknown parameters.
 */
export function parseMailboxTabQuery(query: ListQuery): MailboxTabQuery {
  const { tab = 'inbox', unread, q } = query.filters;
  if (!(MAILBOX_TABS as readonly string[]).includes(tab)) {
    throw DomainError.invalid('email', 'tab', `tab must be one of ${MAILBOX_TABS.join(', ')}`);
  }
  if (unread !== undefined && unread !== 'true' && unread !== 'false') throw DomainError.invalid('email', 'unread', 'unread must be true or false');
  return {
    tab: tab as MailboxTab,
    unread: unread === undefined ? undefined : unread === 'true',
    search: parseSearch('email', q),
    page: query.page,
    perPage: query.perPage,
  };
}

export interface SuggestedPeopleQuery {
  /** Part of a sender's address or display name, case-insensitive. */
  contains?: string;
  page: number;
  perPage: number;
}

export function parseSuggestedPeopleQuery(query: ListQuery): SuggestedPeopleQuery {
  return { contains: searchText('suggested_person', query.filters.q), page: query.page, perPage: query.perPage };
}

function parseSearch(resource: string, q: string | undefined): MailboxSearch | undefined {
  const text = searchText(resource, q);
  if (text === undefined) return undefined;
  return ADDRESS.test(text) ? { address: text.toLowerCase() } : { words: text };
}

function searchText(resource: string, q: string | undefined): string | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  if (text.length > MAX_SEARCH_LENGTH) throw DomainError.invalid(resource, 'q', `q must be at most ${MAX_SEARCH_LENGTH} characters`);
  return text;
}
