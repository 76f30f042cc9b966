import type { OutboundTextMessageDto } from '@crm/contracts';
import { Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { RecordPicker, type PickedRecord } from '../../../components/RecordPicker';
import { useSubmission } from '../../../components/use-submission';
import { useRefreshPhoneCenter } from '../calls/phone-center-api';

type Recipient = 'record' | 'number';

/**
 * New message, from the user's Twilio number: to a lead or contact (the API picks their mobile,
 * else phone) or to a raw number. It shows in the lists once communications has stored it.
 */
export function NewMessageModal(props: { opened: boolean; onClose: () => void; onSent: (sent: OutboundTextMessageDto) => void }) {
  const refresh = useRefreshPhoneCenter();
  const [recipient, setRecipient] = useState<Recipient>('record');
  const [record, setRecord] = useState<PickedRecord | null>(null);
  const [number, setNumber] = useState('');
  const [content, setContent] = useState('');
  const submission = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (recipient === 'record' && !record) return submission.fail('Choose a lead or contact, or write to a phone number.');
    if (recipient === 'number' && !number.trim()) return submission.fail('Enter a phone number.');
    void submission.run(async () => {
      const to = recipient === 'record' ? { resource_type: record!.resource_type, resource_id: record!.resource_id } : { phone_number: number.trim() };
      const sent = (await api.post<SellEnvelope<OutboundTextMessageDto>>('/v2/text_messages', { data: { ...to, content } })).data;
      notifySuccess(`Message sent to ${recipient === 'record' ? record!.name : sent.resource_phone_number}`);
      refresh({ soon: true });
      props.onSent(sent);
    });
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New text message">
      <form onSubmit={submit}>
        <Stack>
          <FormError error={submission.error} />
          <SegmentedControl
            aria-label="Send to"
            value={recipient}
            onChange={(value) => setRecipient(value as Recipient)}
            data={[
              { value: 'record', label: 'Lead or contact' },
              { value: 'number', label: 'Any number' },
            ]}
          />
          {recipient === 'record' ? (
            <RecordPicker label="To" value={record} onChange={setRecord} required />
          ) : (
            <TextInput label="Phone number" placeholder="+14155550100" type="tel" autoComplete="tel" value={number} onChange={(e) => setNumber(e.currentTarget.value)} required />
          )}
          <Textarea label="Message" value={content} onChange={(e) => setContent(e.currentTarget.value)} autosize minRows={3} maxRows={10} maxLength={1600} required />
          <FormActions submitLabel="Send message" busy={submission.busy} disabled={!content.trim()} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
