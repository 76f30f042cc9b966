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
  // Telephony's state of the message and the user's read and ignored state (phone-center).
  @Column('text', { nullable: true }) sid?: string | null;
  @Column('text', { nullable: true }) status?: string | null;
  @Column('smallint', { default: 0 }) status_rank?: number;
  @Column('timestamptz', { nullable: true }) status_at?: Date | null;
  @Column('text', { nullable: true }) error_code?: string | null;
  @Column('text', { nullable: true }) error_message?: string | null;
  @Column('text', { nullable: true }) user_phone_e164?: string | null;
  @Column('text', { nullable: true }) remote_phone_e164?: string | null;
  @Column('timestamptz', { nullable: true }) read_at?: Date | null;
  @Column('timestamptz', { nullable: true }) ignored_at?: Date | null;
}
