import type { CustomFieldType, RecordResourceType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('custom_fields')
export class CustomFieldEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') resource_type: RecordResourceType;
  @Column('text') name: string;
  @Column('text') type: CustomFieldType;
  @Column('jsonb', { nullable: true }) choices: { id: number; name: string }[] | null;
  @Column('boolean') for_company: boolean;
  @Column('boolean') for_contact: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
