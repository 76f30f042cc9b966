import { Badge, Text } from '@mantine/core';
import { DEAL_KIND, formatMoney } from './record-kinds';
import { ContactLink } from './record/DetailsCard';
import { DealDropboxCard } from './record/DealDropboxCard';
import { RecordPage } from './record/RecordPage';
import { RecordRoutes } from './RecordRoutes';

/** /deals: the list, and /deals/:id a deal's page with its dropbox address. */
export function Component() {
  return <RecordRoutes kind={DEAL_KIND} page={<DealPage />} />;
}

function DealPage() {
  return (
    <RecordPage
      kind={DEAL_KIND}
      badges={(deal, lookups) => (
        <>
          <Badge variant="light">{lookups.stageName(deal.stage_id)}</Badge>
          {deal.hot && <Badge color="red">Hot</Badge>}
          <Text size="sm" fw={500}>
            {formatMoney(deal.value, deal.currency)}
          </Text>
          {deal.contact_id && (
            <Text size="sm">
              <ContactLink id={deal.contact_id} />
            </Text>
          )}
        </>
      )}
      cards={(deal) => <DealDropboxCard address={deal.dropbox_email} />}
    />
  );
}
