import type { LeadConversionDto, LeadDto } from '@crm/contracts';
import { Checkbox, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { invalidateByPrefix } from '../../../api/queries';
import { FormActions, FormError } from '../../../components/form-parts';
import { ownerChoiceOf, OwnerPicker, ownerValueOf } from '../../../components/OwnerPicker';
import { notifySuccess } from '../../../components/notify';
import { useSubmission } from '../../../components/use-submission';
import { formErrorsOf } from '../forms/form-errors';
import { stageOptions, type Lookups } from '../lookups';
import { LEAD_KIND } from '../record-kinds';

/**
 * Convert a lead into a contact, optionally with a deal. The owner is a user or a pool: a contact
 * pool, or with a deal a contact or deal pool, which gives the contact and the deal the same user.
 */
export function ConvertLeadModal(props: { lead: LeadDto; lookups: Lookups; opened: boolean; onClose: () => void }) {
  const { lead, lookups } = props;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [owner, setOwner] = useState<string | null>(ownerValueOf({ owner_id: lead.owner_id }));
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState(lead.organization_name ?? LEAD_KIND.displayName(lead));
  const [stageId, setStageId] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const submission = useSubmission();
  const errors = formErrorsOf(submission.error);

  const chosenPool = ownerChoiceOf(owner);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const stage = lookups.stages.find((s) => String(s.id) === stageId);
    void submission.run(async () => {
      const conversion = await api.post<SellEnvelope<LeadConversionDto>>('/v2/lead_conversions', {
        data: {
          lead_id: lead.id,
          ...(chosenPool ?? {}),
          ...(withDeal
            ? {
                create_deal: true,
                deal: {
                  name: dealName.trim() || undefined,
                  ...(stage ? { pipeline_id: stage.pipeline_id, stage_id: stage.id } : {}),
                  ...(value.trim() ? { value: value.trim() } : {}),
                },
              }
            : {}),
        },
      });
      await invalidateByPrefix(client, ['/v2/leads', '/v2/contacts', '/v2/deals', '/v2/smart_lists']);
      notifySuccess(conversion.data.deal_id ? 'Lead converted into a contact and a deal' : 'Lead converted into a contact');
      props.onClose();
      navigate(`/contacts/${conversion.data.individual_id}`);
    });
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={props.onClose} title={`Convert ${LEAD_KIND.displayName(lead)}`}>
      <form onSubmit={submit} aria-label="Convert lead">
        <Stack>
          <Text size="sm">The lead becomes a contact{lead.organization_name ? `, linked to the company ${lead.organization_name}` : ''}.</Text>
          <FormError error={submission.error} />
          <OwnerPicker label="Owner" value={owner} onChange={setOwner} poolTypes={withDeal ? ['contact', 'deal'] : ['contact']} required />
          <Checkbox label="Create a deal" checked={withDeal} onChange={(e) => setWithDeal(e.currentTarget.checked)} />
          {withDeal && (
            <>
              <TextInput label="Deal name" value={dealName} onChange={(e) => setDealName(e.currentTarget.value)} error={errors.fields['deal.name']} />
              <Select
                label="Pipeline stage"
                placeholder="First stage of the default pipeline"
                data={stageOptions(lookups)}
                value={stageId}
                onChange={setStageId}
                clearable
                searchable
                error={errors.fields['deal.stage_id'] ?? errors.fields['deal.pipeline_id']}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput label="Deal value" inputMode="decimal" value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.fields['deal.value']} />
            </>
          )}
          <FormActions submitLabel="Convert" busy={submission.busy} disabled={!owner} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
