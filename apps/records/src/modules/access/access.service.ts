import { Injectable } from '@nestjs/common';
import { Actor, DomainError, Permission } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { AccessRepository } from './access.repository';

/** What one user may do, resolved from their role. */
export interface ActorAccess {
  accountId: number;
  userId: number;
  permissions: ReadonlySet<Permission>;
  /** null: sees every record of the account; otherwise the only owner whose records are visible. */
  ownerScope: number | null;
}

/** Role changes reach other replicas within this time; this replica drops its copy at once. */
const CACHE_MS = 5_000;

/**
 * Permissions, checked in the service that owns the records: 403 in Sell's format for a missing
 * right, 404 (never 403) for a record the user may not see, so existence is not revealed.
 */
@Injectable()
export class AccessService {
  private readonly cache = new Map<string, { access: ActorAccess; expires: number }>();

  constructor(
    private readonly repository: AccessRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /** For other services that enforce a right themselves (e.g. distribution pools are settings). */
  check(actor: Actor, permission: Permission): Promise<{ allowed: boolean }> {
    return this.transactions.read(async (tx) => ({ allowed: (await this.load(tx, actor)).permissions.has(permission) }));
  }

  async load(tx: Tx, actor: Actor): Promise<ActorAccess> {
    const key = `${actor.accountId}:${actor.userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.access;
    const permissions = await this.repository.permissionsOf(tx, actor.accountId, actor.userId);
    if (permissions === null) throw new DomainError(401, [{ code: 'unauthorized', message: 'unknown user' }]);
    const set = new Set(permissions);
    const access: ActorAccess = {
      accountId: actor.accountId,
      userId: actor.userId,
      permissions: set,
      ownerScope: set.has('see_all_records') ? null : actor.userId,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { access, expires: Date.now() + CACHE_MS });
    return access;
  }

  async require(tx: Tx, actor: Actor, permission: Permission, resource: string): Promise<ActorAccess> {
    const access = await this.load(tx, actor);
    if (!access.permissions.has(permission)) {
      throw DomainError.forbidden(resource, `your role does not allow this (${permission.replace(/_/g, ' ')})`);
    }
    return access;
  }

  /** 404 for a record outside what the user may see. */
  assertVisible(access: ActorAccess, ownerId: number, resource: string, id: number): void {
    if (access.ownerScope !== null && ownerId !== access.ownerScope) throw DomainError.notFound(resource, id);
  }

  /** Changing who owns a record (or creating it for someone else) needs the reassign right. */
  assertMayAssign(access: ActorAccess, from: number | null, to: number, resource: string): void {
    if (to === from) return;
    if (from === null && to === access.userId) return;
    if (!access.permissions.has('reassign_records')) {
      throw DomainError.forbidden(resource, 'your role does not allow reassigning records');
    }
  }

  forget(accountId: number, userId?: number): void {
    if (userId !== undefined) {
      this.cache.delete(`${accountId}:${userId}`);
      return;
    }
    for (const key of this.cache.keys()) if (key.startsWith(`${accountId}:`)) this.cache.delete(key);
  }
}
