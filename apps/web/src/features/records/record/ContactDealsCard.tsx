import type { DealDto } from '@crm/contracts';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCollection } from '../../../api/queries';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { NewRecordModal } from '../forms/NewRecordModal';
import type { Lookups } from '../lookups';
import { DEAL_KIND, formatMoney } from '../record-kinds';

/** A contact's deals (`GET /v2/deals?contact_id=`), and a new one already on the contact. */
export function ContactDealsCard(props: { contactId: number; lookups: Lookups }) {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const deals = useCollection<DealDto>('/v2/deals', { contact_id: props.contactId, page, per_page: 10, sort_by: 'updated_at:desc' });
  const rows = deals.data?.rows ?? [];
  const view = queryStateOf(deals, { isEmpty: rows.length === 0, message: 'No deals yet.' });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Deals
        </Title>
        <Button size="xs" variant="light" onClick={() => setCreating(true)}>
          New deal
        </Button>
      </Group>
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
      <Pager page={page} hasPrev={!!deals.data?.hasPrev} hasNext={!!deals.data?.hasNext} onPage={setPage} busy={deals.isFetching} />
      <NewRecordModal kind={DEAL_KIND} opened={creating} onClose={() => setCreating(false)} preset={{ contact_id: String(props.contactId) }} />
    </Card>
  );
}
