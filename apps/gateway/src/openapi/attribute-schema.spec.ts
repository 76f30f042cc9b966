import { AssociatedContactAttributes, ContactAttributes, DealAttributes } from '@crm/contracts';
import { attributeSchema } from './attribute-schema';

describe('attributeSchema', () => {
  it('marks attributes without IsOptional as required', () => {
    expect(attributeSchema(AssociatedContactAttributes)).toMatchObject({
      required: ['contact_id'],
      properties: { contact_id: { type: 'integer' }, role: { type: 'string', maxLength: 64, nullable: true } },
    });
  });

  it('describes enums, nested objects and arrays of strings', () => {
    const contact = attributeSchema(ContactAttributes);
    expect(contact.properties?.customer_status).toMatchObject({ enum: ['none', 'current', 'past'] });
    expect(contact.properties?.address).toMatchObject({ type: 'object', properties: { city: { type: 'string' } } });
    expect(contact.properties?.tags).toMatchObject({ type: 'array', maxItems: 100, items: { type: 'string', maxLength: 255 } });
  });

  it('accepts a deal value as a decimal string or a number', () => {
    expect(attributeSchema(DealAttributes).properties?.value).toMatchObject({
      oneOf: [{ type: 'string' }, { type: 'number' }],
    });
  });
});
