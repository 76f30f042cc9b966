import type { AddressDto } from '@crm/contracts';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns leads and contacts share (TypeORM inherits decorated columns). */
export abstract class PartyColumns {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') creator_id: number;
  @Column('int') owner_id: number;
  @Column('text', { nullable: true }) first_name: string | null;
  @Column('text', { nullable: true }) last_name: string | null;
  @Column('text', { nullable: true }) title: string | null;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { nullable: true }) industry: string | null;
  @Column('text', { nullable: true }) website: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) phone_e164: string | null;
  @Column('text', { nullable: true }) mobile: string | null;
  @Column('text', { nullable: true }) mobile_e164: string | null;
  @Column('text', { nullable: true }) fax: string | null;
  @Column('text', { nullable: true }) twitter: string | null;
  @Column('text', { nullable: true }) facebook: string | null;
  @Column('text', { nullable: true }) linkedin: string | null;
  @Column('text', { nullable: true }) skype: string | null;
  @Column('jsonb', { nullable: true }) address: AddressDto | null;
  @Column('text', { array: true }) tags: string[];
  @Column('jsonb') custom_fields: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
