import { collection, ListContext, pageLinks, pageOfArray, PageUrls, single } from './envelopes';

const urls = PageUrls.of('https://crm.example.com/', '/v2/leads?per_page=2&page=2&status=New');

describe('envelopes', () => {
  it('wraps one object with its type', () => {
    expect(single('lead', { id: 1 })).toEqual({ data: { id: 1 }, meta: { type: 'lead' } });
  });

  it('builds absolute page URLs keeping every other parameter', () => {
    expect(urls.self).toBe('https://crm.example.com/v2/leads?per_page=2&page=2&status=New');
    expect(urls.page(3)).toBe('https://crm.example.com/v2/leads?per_page=2&page=3&status=New');
    expect(PageUrls.of('http://localhost', '/v2/deals').page(1)).toBe('http://localhost/v2/deals?page=1');
  });

  it("keeps the client's own encoding of the other parameters", () => {
    const raw = PageUrls.of('http://localhost', '/v2/leads?address[city]=Paris&ids=1,2&custom_fields%5BScore%5D=5');
    expect(raw.self).toBe('http://localhost/v2/leads?address[city]=Paris&ids=1,2&custom_fields%5BScore%5D=5');
    expect(raw.page(2)).toBe('http://localhost/v2/leads?address[city]=Paris&ids=1,2&custom_fields%5BScore%5D=5&page=2');
  });

  it('links prev_page only after the first page and next_page only when more follow', () => {
    expect(pageLinks(urls, 1, false)).toEqual({ self: urls.self, first_page: urls.page(1) });
    expect(pageLinks(urls, 2, true)).toEqual({
      self: urls.self,
      first_page: urls.page(1),
      prev_page: urls.page(1),
      next_page: urls.page(3),
    });
  });

  it('wraps a page as a collection counting its items', () => {
    const list: ListContext = { query: { page: 2, perPage: 2, filters: {}, customFields: {} }, urls };
    expect(collection('lead', { items: [{ id: 3 }, { id: 4 }], hasMore: true }, list)).toEqual({
      items: [
        { data: { id: 3 }, meta: { type: 'lead' } },
        { data: { id: 4 }, meta: { type: 'lead' } },
      ],
      meta: {
        type: 'collection',
        count: 2,
        links: { self: urls.self, first_page: urls.page(1), prev_page: urls.page(1), next_page: urls.page(3) },
      },
    });
  });

  it('pages a whole list', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageOfArray(items, { page: 1, perPage: 2 })).toEqual({ items: [1, 2], hasMore: true });
    expect(pageOfArray(items, { page: 3, perPage: 2 })).toEqual({ items: [5], hasMore: false });
    expect(pageOfArray(items, { page: 4, perPage: 2 })).toEqual({ items: [], hasMore: false });
  });
});
