import { Column, Entity } from 'typeorm';
import { PartyColumns } from '../../../common/party-columns';

@Entity('leads')
export class LeadEntity extends PartyColumns {
  @Column('text', { nullable: true }) organization_name: string | null;
  @Column('text') status: string;
  @Column('int', { nullable: true }) source_id: number | null;
  @Column('int', { nullable: true }) unqualified_reason_id: number | null;
  /** Set when the lead became a contact (see lead_conversions). */
  @Column('timestamptz', { nullable: true }) converted_at: Date | null;
}
