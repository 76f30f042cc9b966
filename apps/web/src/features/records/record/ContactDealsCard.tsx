import type { DealDto } from '@crm/contracts';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { NewRecordModal } from '../forms/NewRecordModal';
import type { Lookups } from '../lookups';
import { DEAL_KIND, formatMoney } from '../record-kinds';
import { CardHeading } from './CardHeading';

/** A contact's deals (`GET /v2/deals?contact_id=`), and a new one already on the contact. */
export function ContactDealsCard(props: { contactId: number; lookups: Lookups }) {
  const [creating, setCreating] = useState(false);
  const deals = usePagedCollection<DealDto>('/v2/deals', { contact_id: props.contactId, per_page: 10, sort_by: 'updated_at:desc' });
  const rows = deals.rows;
  const view = queryStateOf(deals.collection, { isEmpty: rows.length === 0, message: 'No deals yet.' });
  return (
    <Card withBorder>
      <CardHeading
        title="Deals"
        action={
          <Button size="xs" variant="light" onClick={() => setCreating(true)}>
            New deal
          </Button>
        }
      />
      {view ?? (
        <Stack gap={6}>
          {rows.map((deal) => (
            <Group key={deal.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/deals/${deal.id}`} size="sm">
                {DEAL_KIND.displayName(deal)}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" size="sm">
                  {props.lookups.stageName(deal.stage_id)}
                </Badge>
                <Text size="sm">{formatMoney(deal.value, deal.currency)}</Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Pager {...deals.pager} />
      <NewRecordModal kind={DEAL_KIND} opened={creating} onClose={() => setCreating(false)} preset={{ contact_id: String(props.contactId) }} />
    </Card>
  );
}
