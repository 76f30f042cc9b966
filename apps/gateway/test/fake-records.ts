import {
  DomainError,
  LeadDto,
  RecordsRequests as R,
  RequestOf,
  RequestSubject,
  ReplyOf,
  TokenIdentity,
} from '@crm/contracts';
import type { InProcessBus } from '@crm/platform';

/**
 * Stands in for the records service on the in-process bus, for tests of the gateway alone:
 * canned answers, and a log of every request so tests can see what the gateway asked.
 */
export const VALID_TOKEN = 'v'.repeat(64);
export const ADMIN: TokenIdentity = { accountId: 1, userId: 10, role: 'admin', tokenId: 100 };

export interface RecordedRequest {
  subject: string;
  payload: unknown;
}

export function lead(id: number): LeadDto {
  return {
    id, creator_id: 10, owner_id: 10, first_name: 'Ada', last_name: `Lovelace ${id}`, title: null, description: null,
    industry: null, website: null, email: null, phone: null, mobile: null, fax: null, twitter: null, facebook: null,
    linkedin: null, skype: null, address: null, tags: [], custom_fields: {}, organization_name: null, status: 'New',
    source_id: null, unqualified_reason_id: null, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
  };
}

const TOTAL_LEADS = 5;

export class FakeRecords {
  readonly requests: RecordedRequest[] = [];
  /** Tokens records no longer accepts (revoked). */
  readonly revoked = new Set<string>();

  constructor(private readonly bus: InProcessBus) {}

  asked(subject: RequestSubject): unknown[] {
    return this.requests.filter((r) => r.subject === subject).map((r) => r.payload);
  }

  install(): void {
    this.on(R.VerifyToken, async ({ token }) => {
      if (token !== VALID_TOKEN || this.revoked.has(token)) throw reject(401, 'unauthorized', 'invalid access token');
      return ADMIN;
    });
    this.on(R.GetUser, async ({ id }) => {
      if (id !== ADMIN.userId) throw reject(404, 'not_found', `user ${id} not found`);
      return {
        id, name: 'Admin', email: 'admin@example.com', role: 'admin', status: 'active', confirmed: true, phone_number: null,
        timezone: 'UTC', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
      };
    });
    this.on(R.ListLeads, async ({ query }) => {
      const ids = Array.from({ length: TOTAL_LEADS }, (_, i) => i + 1);
      const start = (query.page - 1) * query.perPage;
      return { items: ids.slice(start, start + query.perPage).map(lead), hasMore: start + query.perPage < TOTAL_LEADS };
    });
    this.on(R.GetLead, async ({ id }) => {
      if (id > TOTAL_LEADS) throw reject(404, 'not_found', `lead ${id} not found`);
      return lead(id);
    });
    this.on(R.CreateLead, async ({ data }) => {
      const attributes = data as Record<string, unknown>;
      if ('unknown' in attributes) {
        throw new DomainError(422, [{ resource: 'lead', field: '/unknown', code: 'unknown', message: 'unknown attribute' }]).toJSON();
      }
      if (attributes.first_name === 'crash') throw new Error('relation "leads" does not exist');
      return { ...lead(6), ...attributes };
    });
    this.on(R.DeleteLead, async () => ({ deleted: true as const }));
    // What RpcClient raises when records does not answer within its timeout.
    this.on(R.ListPipelines, async () => {
      throw new DomainError(503, [{ code: 'internal', message: `service unavailable: no answer to ${R.ListPipelines}` }]);
    });
    this.on(R.ListCustomFields, async ({ resourceType }) => [
      {
        id: 1, name: `${resourceType} score`, type: 'number', choices: null, for_company: false, for_contact: true,
        created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
      },
    ]);
    this.on(R.ListNamedItems, async ({ kind }) => ({
      items: [{ id: 1, creator_id: 10, name: `a ${kind}`, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' }],
      hasMore: false,
    }));
    this.on(R.RemoveAssociatedContact, async () => ({ deleted: true as const }));
    this.on(R.IssueApiToken, async ({ targetUserId, data }) => ({
      id: 101, user_id: targetUserId, name: String((data as { name?: string }).name ?? 'token'), access_token: 'n'.repeat(64),
      last_used_at: null, revoked_at: null, created_at: '2024-01-01T00:00:00Z',
    }));
    this.on(R.RevokeApiToken, async ({ targetUserId, tokenId }) => {
      if (tokenId === ADMIN.tokenId) this.revoked.add(VALID_TOKEN);
      return { id: tokenId, user_id: targetUserId, name: 't', last_used_at: null, revoked_at: '2024-01-02T00:00:00Z', created_at: '2024-01-01T00:00:00Z' };
    });
  }

  private on<S extends RequestSubject>(subject: S, answer: (payload: RequestOf<S>) => Promise<ReplyOf<S>>): void {
    this.bus.handle(subject, async (payload) => {
      this.requests.push({ subject, payload });
      return answer(payload as RequestOf<S>);
    });
  }
}

/** A DomainError as it crosses the wire from the real records service. */
function reject(status: number, code: 'unauthorized' | 'not_found', message: string) {
  return new DomainError(status, [{ code, message }]).toJSON();
}
