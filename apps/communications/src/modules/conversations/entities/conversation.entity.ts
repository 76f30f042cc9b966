import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An email conversation of an account; emails point at it with `emails.conversation_id`. */
@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  /** The normalised subject the fallback matches on (subject-key.ts); null for an empty subject. */
  @Column('text', { nullable: true }) subject_key: string | null;
  /** Lower-cased From/To/Cc addresses of its emails. */
  @Column('text', { array: true }) participants: string[];
  @Column('timestamptz') first_date: Date;
  @Column('timestamptz') last_date: Date;
  /** Split or merged by a user: never merged away by the automatic pass. */
  @Column('boolean') manual: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
