import { Injectable } from '@nestjs/common';
import { Actor, AttachableType, DomainError, FoundResource, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';

/**
 * The user a viewer is limited to, or null when they see the whole account: records' rule (the
 * role's `see_all_records` permission, else own records only); README, "Visibility".
 */
export type ViewerScope = number | null;

/** What communications asks records: who may see what, and whether a record or user exists. */
@Injectable()
export class RecordsAccessService {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Asked on every request, not cached here: records caches permissions itself and drops them
   * when a role changes, so a role change reaches calls and texts as soon as records knows it.
   */
  async viewerScope(actor: Actor): Promise<ViewerScope> {
    const { allowed } = await this.rpc.request(R.CheckPermission, {
      accountId: actor.accountId,
      userId: actor.userId,
      permission: 'see_all_records',
    });
    return allowed ? null : actor.userId;
  }

  /**
   * The lead, contact or deal a call is attached to, if the actor may see it. Records answers
   * 404 for a missing, foreign or hidden record; for the writer that is a bad attribute (422).
   */
  async findAttachable(actor: Actor, resource: string, field: string, type: AttachableType, id: number): Promise<FoundResource> {
    try {
      return await this.rpc.request(R.FindResource, { ...asker(actor), resourceType: type, resourceId: id });
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) {
        throw DomainError.invalid(resource, field, `${type} ${id} not found`);
      }
      throw error;
    }
  }

  /** A user of the account, named as the one who made the call. */
  async assertUser(actor: Actor, resource: string, field: string, userId: number): Promise<void> {
    try {
      await this.rpc.request(R.GetUser, { ...asker(actor), id: userId });
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) throw DomainError.invalid(resource, field, `user ${userId} not found`);
      throw error;
    }
  }
}

/** Only who is asking: handlers pass whole requests as the actor, and their data is not records' business. */
function asker(actor: Actor): Actor {
  return { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId };
}
