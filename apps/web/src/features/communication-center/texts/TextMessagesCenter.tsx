import type { PhoneCenterTextMessageDto } from '@crm/contracts';
import { Accordion, Badge, Button, Group, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCollection } from '../../../api/queries';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { partyKey, useRecordNames } from '../../../components/record-names';
import { formatDateTime } from '../calls/format';
import { LIVE_REFRESH_MS, TEXTS_PATH, usePhoneCenterCounts } from '../calls/phone-center-api';
import { ConversationThread } from './ConversationThread';
import { groupConversations, type ConversationSummary } from './conversations';
import { NewMessageModal } from './NewMessageModal';

/** Messages per page of the list; they are grouped into conversations by number. */
const PER_PAGE = 100;

type TextTab = 'matched' | 'unmatched';

function ConversationControl(props: { conversation: ConversationSummary; who: string }) {
  const { conversation, who } = props;
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={conversation.unread > 0 ? 700 : 500} truncate>
          {who}
        </Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {formatDateTime(conversation.latest.sent_at)}
        </Text>
      </Group>
      {who !== conversation.phoneNumber && (
        <Text size="xs" c="dimmed">
          {conversation.phoneNumber}
        </Text>
      )}
      <Group gap="xs" wrap="nowrap">
        {conversation.unread > 0 && (
          <Badge size="sm" color="red" style={{ flexShrink: 0 }}>
            {conversation.unread} unread
          </Badge>
        )}
        <Text size="sm" c="dimmed" truncate>
          {conversation.latest.incoming ? '' : 'You: '}
          {conversation.latest.content}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * The Communication Center's text messages: the user's conversations, Matched (with a lead or
 * contact) and Unmatched, newest first; a conversation opens to its messages. The filters live in
 * the URL (`tab`, `unread`, `page`).
 */
export default function TextMessagesCenter() {
  const [params, setParams] = useSearchParams();
  const tab: TextTab = params.get('tab') === 'unmatched' ? 'unmatched' : 'matched';
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [opened, setOpened] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
    setOpened(null);
  };

  const counts = usePhoneCenterCounts();
  const texts = useCollection<PhoneCenterTextMessageDto>(
    TEXTS_PATH,
    { matched: tab === 'matched', unread: unreadOnly ? true : undefined, page, per_page: PER_PAGE },
    { refetchInterval: LIVE_REFRESH_MS },
  );
  const conversations = groupConversations(texts.data?.rows ?? []);
  const names = useRecordNames(conversations);
  const whoOf = (c: ConversationSummary) => (c.resource_type && c.resource_id !== null ? names.get(partyKey(c.resource_type, c.resource_id)) : undefined) ?? c.phoneNumber;

  const bracket = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const emptyMessage = unreadOnly ? `No unread ${tab} messages.` : tab === 'matched' ? 'No text messages with your leads and contacts yet.' : 'No text messages with unknown numbers.';
  const state = queryStateOf(texts, {
    isEmpty: conversations.length === 0,
    message: emptyMessage,
    action: (
      <Button variant="light" size="xs" onClick={() => setComposing(true)}>
        Write a message
      </Button>
    ),
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h3">
            Text messages
          </Title>
        </Group>
        <Button onClick={() => setComposing(true)}>New message</Button>
      </Group>
      <Tabs value={tab} onChange={(value) => value && update({ tab: value === 'matched' ? null : value })}>
        <Tabs.List>
          <Tabs.Tab value="matched">Matched</Tabs.Tab>
          <Tabs.Tab value="unmatched">Unmatched{bracket(counts.data?.unmatched_text_messages)}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Switch
        label={`Show only unread messages${bracket(counts.data?.unread_text_messages)}`}
        checked={unreadOnly}
        onChange={(event) => update({ unread: event.currentTarget.checked ? 'true' : null })}
      />
      {state ?? (
        <Accordion
          value={opened}
          onChange={setOpened}
          variant="separated"
          chevronPosition="right"
          aria-label={`${tab === 'matched' ? 'Matched' : 'Unmatched'} conversations`}
          aria-busy={texts.isFetching}
        >
          {conversations.map((conversation) => (
            <Accordion.Item key={conversation.phoneNumber} value={conversation.phoneNumber}>
              <Accordion.Control aria-label={`Conversation with ${whoOf(conversation)}${conversation.unread ? `, ${conversation.unread} unread` : ''}`}>
                <ConversationControl conversation={conversation} who={whoOf(conversation)} />
              </Accordion.Control>
              <Accordion.Panel>
                {opened === conversation.phoneNumber && (
                  <ConversationThread
                    phoneNumber={conversation.phoneNumber}
                    who={whoOf(conversation)}
                    matched={conversation.latest.matched}
                    onDeleted={() => setOpened(null)}
                  />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <Pager page={page} hasPrev={texts.data?.hasPrev ?? page > 1} hasNext={texts.data?.hasNext ?? false} busy={texts.isFetching} onPage={(next) => update({ page: String(next) })} />
      {composing && (
        <NewMessageModal
          opened
          onClose={() => setComposing(false)}
          onSent={(sent) => {
            setComposing(false);
            // Show the tab the message will land in, with its conversation open.
            const sentTab = sent.resource_type ? 'matched' : 'unmatched';
            if (sentTab !== tab) update({ tab: sentTab === 'matched' ? null : sentTab });
            setOpened(sent.resource_phone_number);
          }}
        />
      )}
    </Stack>
  );
}
