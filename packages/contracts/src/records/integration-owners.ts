import { IsInt, IsOptional } from 'class-validator';
import type { RecordResourceType } from './payloads';

/** Where records come from without a person choosing their owner. */
export const INTEGRATIONS = ['api', 'mail_ingest', 'telephony', 'lead_form'] as const;
export type Integration = (typeof INTEGRATIONS)[number];

/** The account's default owner for records an integration creates: a user or a pool (not both). */
export class IntegrationOwnerAttributes {
  @IsOptional() @IsInt() owner_id?: number | null;
  @IsOptional() @IsInt() owner_pool_id?: number | null;
}

export interface IntegrationOwnerDto {
  integration: Integration;
  resource_type: RecordResourceType;
  owner_id: number | null;
  owner_pool_id: number | null;
  updated_at: string;
}

export interface IntegrationOwnerRequest {
  accountId: number;
  userId: number;
  correlationId?: string;
  integration: Integration;
  resourceType: RecordResourceType;
}

export interface SetIntegrationOwnerRequest extends IntegrationOwnerRequest {
  data: unknown;
}

/** The owner a new record from an integration gets: the configured user, the pool's next, or none configured. */
export interface ResolvedOwner {
  ownerId: number | null;
  assignmentId: number | null;
}
