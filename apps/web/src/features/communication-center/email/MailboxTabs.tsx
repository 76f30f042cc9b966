import type { MailboxCountsDto, MailboxTab } from '@crm/contracts';
import { Badge, Tabs, Text } from '@mantine/core';
import { useMailboxCounts } from './mailbox-api';

const LABELS: Record<MailboxTab, string> = { inbox: 'Inbox', suggested: 'Suggested people', sent: 'Sent', archived: 'Archived' };

function countsOf(counts: MailboxCountsDto | undefined, tab: MailboxTab): { total: number; unread?: number } | null {
  if (!counts) return null;
  return counts[tab];
}

/**
 * The four tabs with their sizes, unread in brackets (Inbox: unread emails; Suggested people:
 * people, and their unread emails). Counts that fail to load leave the tabs usable without numbers.
 */
export function MailboxTabs(props: { tab: MailboxTab; onChange: (tab: MailboxTab) => void }) {
  const counts = useMailboxCounts();
  return (
    <Tabs value={props.tab} onChange={(value) => value && props.onChange(value as MailboxTab)} variant="pills" mb="sm">
      <Tabs.List aria-label="Email tabs">
        {(Object.keys(LABELS) as MailboxTab[]).map((tab) => {
          const count = countsOf(counts.data, tab);
          return (
            // The name says what the bracket means; the eye reads "Inbox 12 (3)".
            <Tabs.Tab key={tab} value={tab} aria-label={count ? `${LABELS[tab]} ${count.total}${count.unread ? ` (${count.unread} unread)` : ''}` : LABELS[tab]}>
              {LABELS[tab]}
              {count && (
                <Badge size="sm" variant="light" color="gray" ml={6} style={{ verticalAlign: 'middle' }}>
                  {count.total}
                </Badge>
              )}
              {count?.unread ? (
                <Text span size="sm" fw={700} ml={4}>
                  ({count.unread})
                </Text>
              ) : null}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {counts.error && (
        <Text size="xs" c="red" role="alert" mt={4}>
          Counts unavailable: {counts.error.message}
        </Text>
      )}
    </Tabs>
  );
}
