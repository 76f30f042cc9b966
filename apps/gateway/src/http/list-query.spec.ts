import { DomainError } from '@crm/contracts';
import { LEAD_LIST, USER_LIST } from '../modules/list-specs';
import { ListSpec, pagedOnly, parseListQuery, searchParamsOf } from './list-query';

function parse(query: string, spec: ListSpec = LEAD_LIST) {
  return parseListQuery(new URLSearchParams(query), spec);
}

function refusal(query: string, spec: ListSpec = LEAD_LIST): DomainError {
  try {
    parse(query, spec);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('parseListQuery', () => {
  it('defaults to the first page of 25', () => {
    expect(parse('')).toEqual({ page: 1, perPage: 25, filters: {}, customFields: {} });
  });

  it('reads page, per_page, sort_by and ids', () => {
    expect(parse('page=3&per_page=100&sort_by=last_name:desc&ids=4,5,6')).toEqual({
      page: 3,
      perPage: 100,
      sortBy: { field: 'last_name', direction: 'desc' },
      ids: [4, 5, 6],
      filters: {},
      customFields: {},
    });
  });

  it('sorts ascending when sort_by names no direction', () => {
    expect(parse('sort_by=id').sortBy).toEqual({ field: 'id', direction: 'asc' });
  });

  it('refuses an unknown parameter with invalid_param naming it', () => {
    const error = refusal('unknown=param');
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      expect.objectContaining({ code: 'invalid_param', field: '/unknown', message: expect.stringContaining('unknown') }),
    ]);
  });

  it('refuses per_page over 100 with a 422 on /per_page', () => {
    const error = refusal('per_page=101');
    expect(error.status).toBe(422);
    expect(error.errors[0]).toMatchObject({ field: '/per_page', code: 'invalid' });
    expect(refusal('per_page=0').status).toBe(422);
  });

  it.each(['page=0', 'page=-1', 'page=abc', 'per_page=ten', 'sort_by=id:up', 'sort_by=', 'ids=abc', 'ids=1,,2', 'ids=0'])(
    'refuses %s as invalid_param',
    (query) => {
      const error = refusal(query);
      expect(error.status).toBe(400);
      expect(error.errors[0].code).toBe('invalid_param');
    },
  );

  it('reports every bad parameter at once', () => {
    const error = refusal('page=0&bogus=1&ids=x');
    expect(error.errors.map((e) => e.field)).toEqual(['/page', '/bogus', '/ids']);
  });

  it('refuses a parameter given twice', () => {
    expect(refusal('owner_id=1&owner_id=2').errors[0]).toMatchObject({ field: '/owner_id', code: 'invalid_param' });
  });

  it('takes free text (q) of 3 to 200 characters and refuses shorter or longer', () => {
    expect(parse('q=acme%20w').filters).toEqual({ q: 'acme w' });
    for (const q of ['ab', '%20%20ab%20', 'x'.repeat(201)]) expect(refusal(`q=${q}`).errors[0]).toMatchObject({ field: '/q', code: 'invalid_param' });
    expect(refusal('q=acme', USER_LIST).errors[0]).toMatchObject({ field: '/q', code: 'invalid_param' });
  });

  it('keeps bracketed filters by their literal Sell name', () => {
    const query = parse(searchParamsOf('/v2/leads?address%5Bcity%5D=Paris&address[country]=FR').toString());
    expect(query.filters).toEqual({ 'address[city]': 'Paris', 'address[country]': 'FR' });
  });

  it('collects custom_fields[Name] filters by field name', () => {
    expect(parse('custom_fields[Lead Score]=5&custom_fields%5BRegion%5D=EMEA').customFields).toEqual({
      'Lead Score': '5',
      Region: 'EMEA',
    });
  });

  it('refuses custom field filters and unknown filters where the resource has none', () => {
    expect(refusal('custom_fields[x]=1', USER_LIST).errors[0].code).toBe('invalid_param');
    expect(refusal('address[city]=Paris', USER_LIST).errors[0].field).toBe('/address[city]');
  });

  it('checks filter values by kind', () => {
    expect(parse('owner_id=7,8&status=New').filters).toEqual({ owner_id: '7,8', status: 'New' });
    expect(refusal('owner_id=abc').errors[0].field).toBe('/owner_id');
    expect(refusal('owner_id=1,').errors[0].field).toBe('/owner_id');
    expect(refusal('first_name=').errors[0].message).toContain('empty');
  });

  it('accepts only paging on paged-only lists', () => {
    expect(parse('page=2&per_page=5', pagedOnly('custom_field'))).toMatchObject({ page: 2, perPage: 5 });
    expect(refusal('ids=1', pagedOnly('custom_field')).errors[0].field).toBe('/ids');
    expect(refusal('sort_by=id', pagedOnly('custom_field')).errors[0].field).toBe('/sort_by');
  });
});

describe('searchParamsOf', () => {
  it('reads the query string literally', () => {
    expect([...searchParamsOf('/v2/leads?a[b]=1&c=2+3')]).toEqual([
      ['a[b]', '1'],
      ['c', '2 3'],
    ]);
    expect([...searchParamsOf('/v2/leads')]).toEqual([]);
  });
});
