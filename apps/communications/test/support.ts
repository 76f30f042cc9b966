import { randomUUID } from 'node:crypto';
import { EventSubject, PayloadOf } from '@crm/contracts';
import { EVENT_TRANSPORT, EventTransport, TransactionRunner } from '@crm/platform';
import { outboxEvents, startStack, Stack } from '@crm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { communicationsService } from '../src/app';
import { TextMessageFields, TextMessagesRepository } from '../src/modules/text-messages/text-messages.repository';

export type Api = ReturnType<typeof request>;
export type Auth = { Authorization: string };

/** records + communications + gateway on real Postgres and NATS JetStream. */
export function startCommunicationsStack(): Promise<Stack> {
  return startStack({ services: ['records', communicationsService, 'gateway'] });
}

function service(stack: Stack, name: string) {
  const found = stack.services.find((s) => s.name === name);
  if (!found) throw new Error(`${name} is not running`);
  return found.app;
}

/** Text messages have no write endpoint (telephony will store them): tests use the repository. */
export async function insertTextMessage(stack: Stack, accountId: number, fields: Partial<TextMessageFields> = {}) {
  const app = service(stack, 'communications');
  return app.get(TransactionRunner).run((tx) =>
    app.get(TextMessagesRepository).insert(tx, accountId, {
      user_id: null,
      content: 'Hello there',
      incoming: true,
      resource_type: null,
      resource_id: null,
      resource_phone_number: '+14155550100',
      user_phone_number: '+14155550199',
      associated_deal_ids: [],
      sent_at: new Date(),
      ...fields,
    }),
  );
}

/** Publish an event as records would, under a fresh event id (a replay the inbox cannot recognise). */
export async function replayEvent<S extends EventSubject>(stack: Stack, subject: S, payload: PayloadOf<S>): Promise<string> {
  const eventId = randomUUID();
  const transport = service(stack, 'records').get<symbol, EventTransport>(EVENT_TRANSPORT);
  await transport.publish([{ subject, eventId, payload: { ...payload, eventId } }]);
  return eventId;
}

/** Whether communications' consumer has committed the event with this id. */
export async function processedByCommunications(stack: Stack, eventId: string): Promise<boolean> {
  const rows: unknown[] = await service(stack, 'communications')
    .get(DataSource)
    .query(`SELECT 1 FROM communications.inbox WHERE event_id = $1`, [eventId]);
  return rows.length > 0;
}

/** Rows communications has written to its outbox for a subject. */
export async function outboxCount(stack: Stack, subject: string): Promise<number> {
  const [row]: { count: string }[] = await service(stack, 'communications')
    .get(DataSource)
    .query(`SELECT count(*) AS count FROM ${outboxEvents('communications')} WHERE subject = $1`, [subject]);
  return Number(row.count);
}

export { eventually } from '@crm/testing';

export async function createLead(api: Api, auth: Auth, attributes: Record<string, unknown> = {}): Promise<{ id: number; owner_id: number }> {
  const response = await api.post('/v2/leads').set(auth).send({ data: { last_name: `Lead ${randomUUID().slice(0, 8)}`, ...attributes } });
  expect(response.status).toBe(200);
  return response.body.data;
}

export async function logCall(api: Api, auth: Auth, attributes: Record<string, unknown>): Promise<{ id: number } & Record<string, unknown>> {
  const response = await api.post('/v2/calls').set(auth).send({ data: { phone_number: '+14155550100', ...attributes } });
  expect(response.status).toBe(200);
  return response.body.data;
}
