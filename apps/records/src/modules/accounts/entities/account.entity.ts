import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// Entity properties use Sell's field names (snake_case) so API, events and columns share one vocabulary.
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('text') name: string;
  @Column('varchar') currency: string;
  @Column('text') timezone: string;
  @Column('text') time_format: string;
  @Column('text', { nullable: true }) phone: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
