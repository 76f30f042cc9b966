import { Actor, AttachableType, DomainError } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import type { AccessService, ActorAccess } from '../access/access.service';
import type { ResourceOwnersRepository } from './resource-owners.repository';

/**
 * What a note, task or call may hang on: a lead, contact or deal of the account that the user
 * can see. Anything else is a 422 on `resource_id`, so nothing is attached to a hidden record.
 */
export async function assertAttachable(
  tx: Tx,
  owners: ResourceOwnersRepository,
  access: AccessService,
  actor: Actor,
  resource: string,
  target: { type: AttachableType; id: number },
): Promise<void> {
  const owner = await owners.ownerOf(tx, actor.accountId, target.type, target.id);
  const visible = owner !== null && isVisible(await access.load(tx, actor), owner);
  if (!visible) throw DomainError.invalid(resource, 'resource_id', `${target.type} ${target.id} does not exist`);
}

export function isVisible(access: ActorAccess, ownerId: number): boolean {
  return access.ownerScope === null || access.ownerScope === ownerId;
}
