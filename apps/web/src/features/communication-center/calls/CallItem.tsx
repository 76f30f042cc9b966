import type { PhoneCenterCallDto } from '@crm/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { formatDateTime, formatDuration } from './format';
import { recordingSrc, recordPath } from './phone-center-api';
import { UnmatchedNumberActions } from './UnmatchedNumberActions';

/**
 * Click-to-call: Twilio rings the user's own phone, then connects them to the number. The call
 * shows in the list once Twilio reports it.
 */
function CallBackButton(props: { phoneNumber: string; who: string }) {
  const [busy, setBusy] = useState(false);
  const dial = async () => {
    setBusy(true);
    try {
      await api.post('/v2/calls/dial', { data: { phone_number: props.phoneNumber } });
      notifySuccess(`Calling your phone: answer it to be connected to ${props.who}.`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="light" loading={busy} onClick={() => void dial()}>
      Call back
    </Button>
  );
}

function CallBadges({ call }: { call: PhoneCenterCallDto }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={call.incoming ? 'blue' : 'gray'}>
        {call.incoming ? 'Incoming' : 'Outgoing'}
      </Badge>
      {call.missed && <Badge color="red">Missed</Badge>}
      {call.voicemail && <Badge color="grape">Voicemail</Badge>}
    </Group>
  );
}

/** One call: who, when, how long, its recording, and what can be done about it. */
export function CallItem(props: { call: PhoneCenterCallDto; recordName?: string }) {
  const { call } = props;
  const who = props.recordName ?? call.phone_number;
  const src = recordingSrc(call);
  const recordType = call.resource_type === 'lead' || call.resource_type === 'contact' ? call.resource_type : null;
  return (
    <Paper component="article" withBorder p="sm" aria-label={`Call ${call.incoming ? 'from' : 'to'} ${who}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            {recordType && call.resource_id !== null ? (
              <Anchor component={Link} to={recordPath(recordType, call.resource_id)} fw={600}>
                {who}
              </Anchor>
            ) : (
              <Text fw={600}>{who}</Text>
            )}
            {props.recordName && (
              <Text size="sm" c="dimmed">
                {call.phone_number}
              </Text>
            )}
          </Stack>
          <CallBadges call={call} />
        </Group>
        <Text size="sm" c="dimmed">
          {formatDateTime(call.made_at)}
          {call.duration > 0 && ` · ${formatDuration(call.duration)}`}
          {call.status && ` · ${call.status}`}
        </Text>
        {call.summary && <Text size="sm">{call.summary}</Text>}
        {src && (
          <audio controls preload="none" src={src} aria-label={`${call.voicemail ? 'Voicemail' : 'Recording'} of the call with ${who}`} style={{ width: '100%', maxWidth: 420 }} />
        )}
        <Group gap="xs" wrap="wrap">
          <CallBackButton phoneNumber={call.phone_number} who={who} />
          {!call.matched && <UnmatchedNumberActions phoneNumber={call.phone_number} />}
        </Group>
      </Stack>
    </Paper>
  );
}
