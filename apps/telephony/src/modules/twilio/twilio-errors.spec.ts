import { DomainError } from '@crm/contracts';
import twilio from 'twilio';
import { twilioFailure } from './twilio-errors';

const rest = (statusCode: number, body: object) => new twilio.RestException({ statusCode, body: JSON.stringify(body) });

describe('twilioFailure', () => {
  it("passes Twilio's own reason on for a refused request (422), on phone_number for a bad destination", () => {
    const error = twilioFailure('text_message', rest(400, { code: 21211, message: "The 'To' number +1555 is not a valid phone number.", status: 400 }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.status).toBe(422);
    expect(error.errors[0]).toMatchObject({
      resource: 'text_message',
      field: '/phone_number',
      code: 'invalid',
      message: "Twilio refused the request: The 'To' number +1555 is not a valid phone number. (Twilio error 21211)",
    });
  });

  it('says what it can of a refusal without a Twilio body (a mock, a proxy)', () => {
    const error = twilioFailure('call', new twilio.RestException({ statusCode: 422, body: '{"title":"Invalid request"}' }));
    expect(error.status).toBe(422);
    expect(error.errors[0].field).toBeUndefined();
    expect(error.errors[0].message).toBe('Twilio refused the request: Twilio answered HTTP 422');
  });

  it('makes refused credentials, rate limits and Twilio failures ours (502/503), not the caller’s', () => {
    expect(twilioFailure('call', rest(401, { code: 20003, message: 'Authenticate' })).status).toBe(502);
    expect(twilioFailure('call', rest(403, { code: 20003, message: 'Forbidden' })).status).toBe(502);
    expect(twilioFailure('call', rest(429, { code: 20429, message: 'Too Many Requests' }))).toMatchObject({ status: 503, errors: [{ code: 'rate_limited' }] });
    expect(twilioFailure('call', rest(500, { message: 'Internal' })).status).toBe(502);
  });

  it('never passes on an HTTP client error, which carries the request and its Authorization header', () => {
    const transport = Object.assign(new Error('connect ECONNREFUSED'), { isAxiosError: true, config: { headers: { Authorization: 'Basic c2VjcmV0' } } });
    const error = twilioFailure('text_message', transport);
    expect(error.status).toBe(503);
    expect(JSON.stringify(error.toJSON())).not.toContain('c2VjcmV0');
    expect(error.message).toBe('Twilio could not be reached; try again later');
  });
});
