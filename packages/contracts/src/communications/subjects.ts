/** Request/reply subjects answered by the communications service. */
export const CommunicationsRequests = {
  ListCalls: 'communications.calls.list.v1',
  GetCall: 'communications.calls.get.v1',
  CreateCall: 'communications.calls.create.v1',
  UpdateCall: 'communications.calls.update.v1',
  DeleteCall: 'communications.calls.delete.v1',
  ListCallOutcomes: 'communications.call-outcomes.list.v1',
  ListTextMessages: 'communications.text-messages.list.v1',
  GetTextMessage: 'communications.text-messages.get.v1',
  ListEmails: 'communications.emails.list.v1',
  GetEmail: 'communications.emails.get.v1',
  /** An attachment's metadata, if the actor may see the email (the content comes from mail-ingest). */
  GetEmailAttachment: 'communications.emails.attachment.v1',
} as const;

function entityEvents<E extends string>(entity: E) {
  return {
    created: `communications.${entity}.created.v1`,
    updated: `communications.${entity}.updated.v1`,
    deleted: `communications.${entity}.deleted.v1`,
  } as const;
}

export const CommunicationsEvents = {
  call: entityEvents('call'),
} as const;
