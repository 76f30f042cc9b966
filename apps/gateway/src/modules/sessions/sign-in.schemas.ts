import type { SchemaObject } from '@nestjs/swagger';
import { USER_SCHEMA } from '../../openapi/response-schemas';

/** The OpenAPI shapes of the sign-in routes (their replies are not records, so they are spelled out here). */

const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };

function envelope(type: 'invitation' | 'user', data: SchemaObject): SchemaObject {
  return { type: 'object', properties: { data, meta: { type: 'object', properties: { type: { type: 'string', enum: [type] } } } } };
}

/** `POST /v2/users/:id/invitation`. */
export const ISSUED_INVITATION_ENVELOPE = envelope('invitation', {
  type: 'object',
  properties: {
    user_id: { type: 'integer' },
    email: { type: 'string' },
    invitation_url: {
      type: 'string',
      format: 'uri',
      description: 'PUBLIC_URL/accept-invitation?token=…: single use, shown in this reply only',
    },
    expires_at: DATE_TIME,
  },
});

/** `GET /v2/invitations/:token`. */
export const INVITATION_ENVELOPE = envelope('invitation', {
  type: 'object',
  properties: { email: { type: 'string' }, name: { type: 'string' }, expires_at: DATE_TIME },
});

export const SIGNED_IN_USER_ENVELOPE = envelope('user', USER_SCHEMA);

export const PASSWORD_BODY: SchemaObject = {
  type: 'object',
  required: ['data'],
  properties: {
    data: { type: 'object', required: ['password'], properties: { password: { type: 'string', minLength: 10, maxLength: 200 } } },
  },
};

export const SIGN_IN_BODY: SchemaObject = {
  type: 'object',
  required: ['data'],
  properties: {
    data: {
      type: 'object',
      required: ['email', 'password'],
      properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } },
    },
  },
};

export const SESSION_COOKIE_HEADER = {
  'Set-Cookie': {
    description: 'crm_session=<64 hex>; HttpOnly; SameSite=Lax; Path=/; Max-Age=1209600 (14 days); Secure when PUBLIC_URL is https',
    schema: { type: 'string' },
  },
};
