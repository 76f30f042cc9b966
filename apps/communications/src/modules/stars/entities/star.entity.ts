import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One star per email, text message or note (exactly one of the item columns is set), shared by all who see it. */
@Entity('stars')
export class StarEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int', { nullable: true }) email_id: number | null;
  @Column('int', { nullable: true }) text_message_id: number | null;
  @Column('int', { nullable: true }) note_id: number | null;
  @Column('int') starred_by_id: number;
  @Column('timestamptz') starred_at: Date;
}
