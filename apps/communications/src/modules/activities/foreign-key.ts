import { DomainError } from '@crm/contracts';

/**
 * An item deleted between the visibility check and the insert that references it makes the
 * insert fail its foreign key: for the client that is the same 404 as a missing item.
 */
export async function missingAsNotFound<T>(work: () => Promise<T>, resource: string, id: number): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23503') throw DomainError.notFound(resource, id);
    throw error;
  }
}
