/** Request/reply subjects answered by the distribution service. */
export const DistributionRequests = {
  ListPools: 'distribution.pools.list.v1',
  GetPool: 'distribution.pools.get.v1',
  CreatePool: 'distribution.pools.create.v1',
  UpdatePool: 'distribution.pools.update.v1',
  DeletePool: 'distribution.pools.delete.v1',
  /** The next N owners from a pool, exact under concurrency and across replicas. */
  NextOwners: 'distribution.pools.next-owners.v1',
  /** Link log lines to the records they produced, once those exist. */
  RecordAssignments: 'distribution.assignments.record.v1',
  ListAssignments: 'distribution.assignments.list.v1',
} as const;

function entityEvents<E extends string>(entity: E) {
  return {
    created: `distribution.${entity}.created.v1`,
    updated: `distribution.${entity}.updated.v1`,
    deleted: `distribution.${entity}.deleted.v1`,
  } as const;
}

export const DistributionEvents = {
  pool: entityEvents('pool'),
} as const;
