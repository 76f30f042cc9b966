import type { ListQuery, Page } from '@crm/contracts';

/** `meta.type` of every object the API returns. */
export type SellType =
  | 'account'
  | 'user'
  | 'api_token'
  | 'lead'
  | 'contact'
  | 'deal'
  | 'associated_contact'
  | 'pipeline'
  | 'stage'
  | 'stage_total'
  | 'tag'
  | 'lead_source'
  | 'deal_source'
  | 'loss_reason'
  | 'custom_field'
  | 'role'
  | 'group'
  | 'note'
  | 'task'
  | 'lead_conversion'
  | 'call'
  | 'call_outcome'
  | 'text_message'
  | 'email'
  | 'mailbox_email'
  | 'mailbox_counts'
  | 'mailbox_action'
  | 'suggested_person'
  | 'suggested_people_action'
  | 'smart_list'
  | 'job'
  | 'count'
  | 'distribution_pool'
  | 'distribution_assignment'
  | 'next_owner'
  | 'integration_owner'
  | 'bcc_address'
  | 'ingested_message'
  | 'mailbox_connection'
  | 'import'
  | 'lead_form'
  | 'form_submission'
  | 'phone_number'
  | 'outbound_text_message'
  | 'outbound_call'
  | 'communication_counts'
  | 'unmatched_number'
  | 'text_message_marking'
  | 'activity'
  | 'star'
  | 'thread'
  | 'thread_item'
  | 'email_conversation'
  | 'invitation';

export interface SingleEnvelope<T> {
  data: T;
  meta: { type: SellType };
}

export interface PageLinks {
  self: string;
  first_page: string;
  prev_page?: string;
  next_page?: string;
}

export interface CollectionEnvelope<T> {
  items: SingleEnvelope<T>[];
  meta: { type: 'collection'; count: number; links: PageLinks };
}

export function single<T>(type: SellType, data: T): SingleEnvelope<T> {
  return { data, meta: { type } };
}

/**
 * Absolute URLs of the pages of one list request. The query string is kept as the client wrote
 * it (its own encoding of `address[city]` or `ids=1,2`); only the `page` parameter changes.
 */
export class PageUrls {
  private constructor(
    private readonly base: string,
    private readonly segments: string[],
  ) {}

  /** `publicBaseUrl` is PUBLIC_URL (or the request's scheme and host); `originalUrl` the path and query as received. */
  static of(publicBaseUrl: string, originalUrl: string): PageUrls {
    const queryStart = originalUrl.indexOf('?');
    const path = queryStart === -1 ? originalUrl : originalUrl.slice(0, queryStart);
    const query = queryStart === -1 ? '' : originalUrl.slice(queryStart + 1);
    return new PageUrls(
      `${publicBaseUrl.replace(/\/+$/, '')}${path}`,
      query.split('&').filter((segment) => segment !== ''),
    );
  }

  get self(): string {
    return this.build(this.segments);
  }

  page(page: number): string {
    const pageSegment = `page=${page}`;
    // The parser refuses a repeated `page`, so there is at most one to replace.
    if (!this.segments.some(isPageSegment)) return this.build([...this.segments, pageSegment]);
    return this.build(this.segments.map((segment) => (isPageSegment(segment) ? pageSegment : segment)));
  }

  private build(segments: string[]): string {
    return segments.length > 0 ? `${this.base}?${segments.join('&')}` : this.base;
  }
}

function isPageSegment(segment: string): boolean {
  const name = segment.split('=', 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')) === 'page';
  } catch {
    return false;
  }
}

/** A parsed list request: what records is asked, and where its pages live. */
export interface ListContext {
  query: ListQuery;
  urls: PageUrls;
}

/** Sell's links: `prev_page` only after the first page, `next_page` only when another follows. */
export function pageLinks(urls: PageUrls, page: number, hasMore: boolean): PageLinks {
  const links: PageLinks = { self: urls.self, first_page: urls.page(1) };
  if (page > 1) links.prev_page = urls.page(page - 1);
  if (hasMore) links.next_page = urls.page(page + 1);
  return links;
}

export function collection<T>(type: SellType, page: Page<T>, list: ListContext): CollectionEnvelope<T> {
  return {
    items: page.items.map((item) => single(type, item)),
    meta: {
      type: 'collection',
      count: page.items.length,
      links: pageLinks(list.urls, list.query.page, page.hasMore),
    },
  };
}

/**
 * Page a complete list records returns whole (custom fields, API tokens), so clients that
 * keep asking for the next page until it is empty stop instead of looping.
 */
export function pageOfArray<T>(items: T[], query: Pick<ListQuery, 'page' | 'perPage'>): Page<T> {
  const start = (query.page - 1) * query.perPage;
  return { items: items.slice(start, start + query.perPage), hasMore: items.length > start + query.perPage };
}
