import { Badge } from '@mantine/core';
import { CONTACT_KIND, CUSTOMER_STATUS_LABELS, PROSPECT_STATUS_LABELS } from './record-kinds';
import { BccAddressCard } from './record/BccAddressCard';
import { ContactDealsCard } from './record/ContactDealsCard';
import { RecordPage } from './record/RecordPage';
import { RecordRoutes } from './RecordRoutes';

/** /contacts: the list, and /contacts/:id a contact's page with its customer and prospect status. */
export function Component() {
  return <RecordRoutes kind={CONTACT_KIND} page={<ContactPage />} />;
}

function ContactPage() {
  return (
    <RecordPage
      kind={CONTACT_KIND}
      badges={(contact) => (
        <>
          <Badge variant="outline">{contact.is_organization ? 'Company' : 'Person'}</Badge>
          <Badge color={contact.customer_status === 'current' ? 'green' : 'gray'} variant="light" aria-label={`Customer status: ${CUSTOMER_STATUS_LABELS[contact.customer_status]}`}>
            {CUSTOMER_STATUS_LABELS[contact.customer_status]}
          </Badge>
          <Badge color={contact.prospect_status === 'current' ? 'blue' : 'gray'} variant="light" aria-label={`Prospect status: ${PROSPECT_STATUS_LABELS[contact.prospect_status]}`}>
            {PROSPECT_STATUS_LABELS[contact.prospect_status]}
          </Badge>
        </>
      )}
      cards={(contact, lookups) => (
        <>
          <ContactDealsCard contactId={contact.id} lookups={lookups} />
          <BccAddressCard />
        </>
      )}
    />
  );
}
