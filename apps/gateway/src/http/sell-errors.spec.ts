import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@crm/contracts';
import { ERRORS_MORE_INFO, httpStatusLine, renderSellErrors } from './sell-errors';
import { toRenderedError } from './sell-exception.filter';

describe('renderSellErrors', () => {
  it("renders Sell's error envelope with the logref", () => {
    const body = renderSellErrors(422, [{ resource: 'lead', field: '/first_name', code: 'invalid', message: 'too long' }], 'req-1');
    expect(body).toEqual({
      errors: [
        {
          error: { resource: 'lead', field: '/first_name', code: 'invalid', message: 'too long' },
          meta: { type: 'error', links: { more_info: ERRORS_MORE_INFO } },
        },
      ],
      meta: { type: 'errors', http_status: '422 Unprocessable Entity', logref: 'req-1', links: { more_info: ERRORS_MORE_INFO } },
    });
  });

  it('always carries at least one error', () => {
    expect(renderSellErrors(404, [], 'r').errors[0].error).toMatchObject({ code: 'not_found' });
  });

  it('writes http_status as Sell does', () => {
    expect(httpStatusLine(401)).toBe('401 Unauthorized');
    expect(httpStatusLine(413)).toBe('413 Payload Too Large');
  });
});

describe('toRenderedError', () => {
  it('keeps a DomainError status and items, also when it crossed the bus as a plain object', () => {
    const error = DomainError.invalid('deal', 'value', 'not a number');
    expect(toRenderedError(error)).toEqual({ status: 422, errors: error.errors });
    expect(toRenderedError(error.toJSON())).toEqual({ status: 422, errors: error.errors });
  });

  it('turns body-parser refusals into 413 and 400', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(toRenderedError(tooLarge)).toEqual({ status: 413, errors: [expect.objectContaining({ code: 'too_large' })] });
    const malformed = toRenderedError(new BadRequestException('Unexpected token'));
    expect(malformed).toEqual({ status: 400, errors: [expect.objectContaining({ code: 'invalid' })] });
  });

  it("renders Nest's 404 for unknown routes", () => {
    expect(toRenderedError(new NotFoundException('Cannot GET /v2/nope'))).toEqual({
      status: 404,
      errors: [{ code: 'not_found', message: 'Cannot GET /v2/nope' }],
    });
  });

  it('leaves anything else to the 500 path', () => {
    expect(toRenderedError(new Error('database password is hunter2'))).toBeUndefined();
    expect(toRenderedError('boom')).toBeUndefined();
  });
});
