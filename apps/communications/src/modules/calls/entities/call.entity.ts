import type { AttachableType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('calls')
export class CallEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') user_id: number;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text', { nullable: true }) recording_url: string | null;
  @Column('int', { nullable: true }) outcome_id: number | null;
  @Column('int') duration: number;
  @Column('text') phone_number: string;
  @Column('boolean') incoming: boolean;
  @Column('boolean') missed: boolean;
  @Column('text', { nullable: true }) external_id: string | null;
  @Column('text', { nullable: true }) resource_type: AttachableType | null;
  @Column('int', { nullable: true }) resource_id: number | null;
  @Column('int', { array: true }) associated_deal_ids: number[];
  @Column('timestamptz') made_at: Date;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
  // Set on calls telephony reported (phone-center); calls logged through the API leave them unset.
  @Column('text', { nullable: true }) sid?: string | null;
  @Column('text', { nullable: true }) status?: string | null;
  @Column('smallint', { default: 0 }) status_rank?: number;
  @Column('timestamptz', { nullable: true }) status_at?: Date | null;
  @Column('text', { nullable: true }) user_phone_e164?: string | null;
  @Column('text', { nullable: true }) remote_phone_e164?: string | null;
  @Column('int', { nullable: true }) recording_id?: number | null;
  @Column('boolean', { default: false }) voicemail?: boolean;
  @Column('timestamptz', { nullable: true }) ignored_at?: Date | null;
}
