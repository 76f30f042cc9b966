import type { ContactDto, DealDto, JobDto, LeadDto, RecordResourceType, SmartListDto } from '@crm/contracts';
import { iso } from '../../common/time';
import { toContactDto } from '../contacts/contacts.mapper';
import type { ContactEntity } from '../contacts/entities/contact.entity';
import { toDealDto } from '../deals/deals.mapper';
import type { DealEntity } from '../deals/entities/deal.entity';
import type { LeadEntity } from '../leads/entities/lead.entity';
import { toLeadDto } from '../leads/leads.mapper';
import type { JobEntity } from './entities/job.entity';
import type { SmartListEntity } from './entities/smart-list.entity';

export function toSmartListDto(list: SmartListEntity): SmartListDto {
  return {
    id: list.id,
    name: list.name,
    resource_type: list.resource_type,
    filters: list.filters,
    creator_id: list.creator_id,
    created_at: iso(list.created_at),
    updated_at: iso(list.updated_at),
  };
}

export function toJobDto(job: JobEntity): JobDto {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    smart_list_id: job.smart_list_id,
    resource_type: job.resource_type,
    owner_id: job.owner_id,
    owner_pool_id: job.owner_pool_id,
    tag: job.tag,
    total: job.total,
    processed: job.processed,
    progress: job.total === 0 ? 1 : job.processed / job.total,
    error: job.error,
    creator_id: job.creator_id,
    created_at: iso(job.created_at),
    started_at: iso(job.started_at),
    finished_at: iso(job.finished_at),
  };
}

export type RecordDto = LeadDto | ContactDto | DealDto;

/**
 * A row of `UPDATE … RETURNING *` as the API shows it. Entities name their properties after
 * their columns, so a raw row has the entity's shape, except that `pg` reads a `date` column
 * as a Date at local midnight where TypeORM gives 'YYYY-MM-DD'. `bccEmail`: the account's BCC
 * address, which contacts show (ignored for leads and deals).
 */
export function rawRowToDto(resourceType: RecordResourceType, row: Record<string, unknown>, bccEmail: string | null): RecordDto {
  switch (resourceType) {
    case 'lead':
      return toLeadDto(row as unknown as LeadEntity);
    case 'contact':
      return toContactDto(row as unknown as ContactEntity, bccEmail);
    case 'deal': {
      const close = row.estimated_close_date;
      return toDealDto({ ...row, estimated_close_date: close instanceof Date ? localDate(close) : close } as unknown as DealEntity);
    }
  }
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
