import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type TextMessageResourceType = 'lead' | 'contact';

@Entity('text_messages')
export class TextMessageEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int', { nullable: true }) user_id: number | null;
  @Column('text') content: string;
  @Column('boolean') incoming: boolean;
  /** null: unmatched, the number belongs to no lead or contact (any more). */
  @Column('text', { nullable: true }) resource_type: TextMessageResourceType | null;
  @Column('int', { nullable: true }) resource_id: number | null;
  @Column('text') resource_phone_number: string;
  @Column('text') user_phone_number: string;
  @Column('int', { array: true }) associated_deal_ids: number[];
  @Column('timestamptz') sent_at: Date;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
