import type { AddressDto, ContactDto } from '@crm/contracts';
import { Column, Entity } from 'typeorm';
import { PartyColumns } from '../../../common/party-columns';

@Entity('contacts')
export class ContactEntity extends PartyColumns {
  @Column('boolean') is_organization: boolean;
  /** The organization a person works at. */
  @Column('int', { nullable: true }) contact_id: number | null;
  @Column('text', { nullable: true }) name: string | null;
  @Column('text') customer_status: ContactDto['customer_status'];
  @Column('text') prospect_status: ContactDto['prospect_status'];
  @Column('jsonb', { nullable: true }) billing_address: AddressDto | null;
  @Column('jsonb', { nullable: true }) shipping_address: AddressDto | null;
}
