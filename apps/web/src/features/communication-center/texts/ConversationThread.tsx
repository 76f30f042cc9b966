import type { PhoneCenterTextMessageDto } from '@crm/contracts';
import { Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useCollection } from '../../../api/queries';
import { notifyError } from '../../../components/notify';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { formatDateTime } from '../calls/format';
import { LIVE_REFRESH_MS, TEXTS_PATH, useRefreshPhoneCenter } from '../calls/phone-center-api';
import { UnmatchedNumberActions } from '../calls/UnmatchedNumberActions';
import { DeleteConversationModal } from './DeleteConversationModal';

const PER_PAGE = 50;

function MessageBubble({ message }: { message: PhoneCenterTextMessageDto }) {
  const failed = message.status === 'failed' || message.status === 'undelivered';
  return (
    <Group justify={message.incoming ? 'flex-start' : 'flex-end'}>
      <Paper
        p="xs"
        radius="md"
        maw="85%"
        bg={message.incoming ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-teal-1)'}
        aria-label={`${message.incoming ? 'Received' : 'Sent'} ${formatDateTime(message.sent_at)}`}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.content}
        </Text>
        <Text size="xs" c={failed ? 'red' : 'dimmed'} ta={message.incoming ? 'left' : 'right'}>
          {formatDateTime(message.sent_at)}
          {!message.incoming && message.status && ` · ${message.status}`}
          {failed && message.error_message && ` · ${message.error_message}`}
        </Text>
      </Paper>
    </Group>
  );
}

/** The reply box: answers the newest received message (the API checks it came to the user's number), else writes to the number. */
function ReplyForm(props: { phoneNumber: string; replyTo: number | null }) {
  const refresh = useRefreshPhoneCenter();
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!content.trim()) return;
    setBusy(true);
    try {
      const target = props.replyTo !== null ? { in_reply_to: props.replyTo } : { phone_number: props.phoneNumber };
      await api.post('/v2/text_messages', { data: { ...target, content } });
      setContent('');
      refresh({ soon: true });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={send}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          label="Reply"
          placeholder="Write a reply"
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={1600}
          style={{ flex: 1 }}
        />
        <Button type="submit" loading={busy} disabled={!content.trim()}>
          Send
        </Button>
      </Group>
    </form>
  );
}

/**
 * An opened conversation: its messages (oldest at the top, a page at a time), marked read as
 * they are shown; reply; the unmatched actions; Delete conversation.
 */
export function ConversationThread(props: { phoneNumber: string; who: string; matched: boolean; onDeleted: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [page, setPage] = useState(1);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const messages = useCollection<PhoneCenterTextMessageDto>(TEXTS_PATH, { phone_number: props.phoneNumber, page, per_page: PER_PAGE }, { refetchInterval: LIVE_REFRESH_MS });
  const rows = messages.data?.rows ?? [];

  // Opening the conversation reads its messages: mark the unread ones shown, once each (keyed by their ids).
  const marked = useRef(new Set<number>());
  const unreadIds = rows.filter((m) => m.unread && !marked.current.has(m.id)).map((m) => m.id);
  const unreadKey = unreadIds.join(',');
  useEffect(() => {
    if (unreadIds.length === 0) return;
    for (const id of unreadIds) marked.current.add(id);
    api
      .post('/v2/communications/text_messages/mark', { data: { ids: unreadIds, read: true } })
      .then(() => refresh())
      .catch((e: unknown) => {
        for (const id of unreadIds) marked.current.delete(id);
        notifyError(e);
      });
  }, [unreadKey]);

  const latestReceived = rows.find((m) => m.incoming) ?? null;
  const state = queryStateOf(messages, { isEmpty: rows.length === 0, message: 'No messages in this conversation.' });

  return (
    <Stack gap="sm">
      {state ?? (
        <Box component="section" aria-label={`Messages with ${props.who}`} aria-busy={messages.isFetching}>
          <Stack gap={6}>
            {[...rows].reverse().map((message) => (
              <MessageBubble key={message.id} message={message} />
            ))}
          </Stack>
        </Box>
      )}
      <Pager page={page} hasPrev={messages.data?.hasPrev ?? page > 1} hasNext={messages.data?.hasNext ?? false} busy={messages.isFetching} onPage={setPage} />
      <ReplyForm phoneNumber={props.phoneNumber} replyTo={latestReceived?.id ?? null} />
      <Group justify="space-between" gap="xs" wrap="wrap">
        {props.matched ? <span /> : <UnmatchedNumberActions phoneNumber={props.phoneNumber} />}
        <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
          Delete conversation
        </Button>
      </Group>
      {confirmDelete && (
        <DeleteConversationModal
          phoneNumber={props.phoneNumber}
          who={props.who}
          opened
          onClose={() => setConfirmDelete(false)}
          onDeleted={() => {
            setConfirmDelete(false);
            props.onDeleted();
          }}
        />
      )}
    </Stack>
  );
}
