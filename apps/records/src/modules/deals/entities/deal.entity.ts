import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('deals')
export class DealEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') creator_id: number;
  @Column('int') owner_id: number;
  @Column('text') name: string;
  /** numeric(17,2), read as a string so no precision is lost. */
  @Column('numeric') value: string;
  @Column('varchar') currency: string;
  @Column('boolean') hot: boolean;
  @Column('int') stage_id: number;
  @Column('int', { nullable: true }) contact_id: number | null;
  @Column('int', { nullable: true }) organization_id: number | null;
  @Column('int', { nullable: true }) source_id: number | null;
  @Column('int', { nullable: true }) loss_reason_id: number | null;
  @Column('int', { nullable: true }) unqualified_reason_id: number | null;
  @Column('text', { nullable: true }) dropbox_email: string | null;
  @Column('date', { nullable: true }) estimated_close_date: string | null;
  @Column('int', { nullable: true }) customized_win_likelihood: number | null;
  @Column('timestamptz', { nullable: true }) last_stage_change_at: Date | null;
  @Column('int', { nullable: true }) last_stage_change_by_id: number | null;
  @Column('timestamptz') added_at: Date;
  @Column('text', { array: true }) tags: string[];
  @Column('jsonb') custom_fields: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
