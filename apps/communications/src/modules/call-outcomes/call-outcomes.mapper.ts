import type { CallOutcomeDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { CallOutcomeEntity } from './entities/call-outcome.entity';

export function toCallOutcomeDto(outcome: CallOutcomeEntity): CallOutcomeDto {
  return {
    id: outcome.id,
    name: outcome.name,
    creator_id: outcome.creator_id,
    created_at: iso(outcome.created_at),
    updated_at: iso(outcome.updated_at),
  };
}
