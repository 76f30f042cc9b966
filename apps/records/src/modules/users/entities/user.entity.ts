import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('text') role: 'admin' | 'user';
  @Column('text') status: 'active' | 'inactive';
  @Column('boolean') confirmed: boolean;
  @Column('text', { nullable: true }) phone_number: string | null;
  @Column('text') timezone: string;
  @Column('int', { nullable: true }) role_id: number | null;
  @Column('int', { nullable: true }) group_id: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
