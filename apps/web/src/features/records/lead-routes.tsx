import type { LeadConversionDto, LeadDto } from '@crm/contracts';
import { Anchor, Badge, Button, Card, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCollection } from '../../api/queries';
import type { Lookups } from './lookups';
import { LEAD_KIND } from './record-kinds';
import { BccAddressCard } from './record/BccAddressCard';
import { ConvertLeadModal } from './record/ConvertLeadModal';
import { RecordPage } from './record/RecordPage';
import { RecordRoutes } from './RecordRoutes';

/** /leads: the list, and /leads/:id a lead's page. */
export function Component() {
  return <RecordRoutes kind={LEAD_KIND} page={<LeadPage />} />;
}

function LeadPage() {
  return (
    <RecordPage
      kind={LEAD_KIND}
      badges={(lead) => <Badge variant="light">{lead.status}</Badge>}
      actions={(lead, lookups) => <ConvertAction lead={lead} lookups={lookups} />}
      cards={(lead) => (
        <>
          {lead.status === 'Converted' && <ConversionCard leadId={lead.id} />}
          <BccAddressCard />
        </>
      )}
    />
  );
}

function ConvertAction(props: { lead: LeadDto; lookups: Lookups }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} disabled={props.lead.status === 'Converted'}>
        Convert
      </Button>
      {opened && <ConvertLeadModal lead={props.lead} lookups={props.lookups} opened onClose={() => setOpened(false)} />}
    </>
  );
}

/** What a converted lead became. */
function ConversionCard(props: { leadId: number }) {
  const conversions = useCollection<LeadConversionDto>('/v2/lead_conversions', { lead_id: props.leadId, per_page: 1 });
  const conversion = conversions.data?.rows[0];
  if (!conversion) return null;
  return (
    <Card withBorder>
      <Text size="sm">
        Converted into{' '}
        <Anchor component={Link} to={`/contacts/${conversion.individual_id}`}>
          contact #{conversion.individual_id}
        </Anchor>
        {conversion.deal_id && (
          <>
            {' '}
            and{' '}
            <Anchor component={Link} to={`/deals/${conversion.deal_id}`}>
              deal #{conversion.deal_id}
            </Anchor>
          </>
        )}
        .
      </Text>
    </Card>
  );
}
