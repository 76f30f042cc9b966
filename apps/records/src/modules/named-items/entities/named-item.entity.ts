import type { NamedItemKind, RecordResourceType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Tags, lead sources, deal sources and loss reasons: named lists with one shape. */
@Entity('named_items')
export class NamedItemEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') kind: NamedItemKind;
  @Column('int', { nullable: true }) creator_id: number | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) resource_type: RecordResourceType | null;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
