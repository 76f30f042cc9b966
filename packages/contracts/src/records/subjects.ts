/** Request/reply subjects answered by the records service. Never rename one: add `.v2`. */
export const RecordsRequests = {
  VerifyToken: 'records.auth.verify-token.v1',
  CreateAccount: 'records.accounts.create.v1',
  CountAccounts: 'records.accounts.count.v1',
  GetAccount: 'records.accounts.get.v1',

  ListUsers: 'records.users.list.v1',
  GetUser: 'records.users.get.v1',
  CreateUser: 'records.users.create.v1',
  UpdateUser: 'records.users.update.v1',
  ListApiTokens: 'records.api-tokens.list.v1',
  IssueApiToken: 'records.api-tokens.issue.v1',
  RevokeApiToken: 'records.api-tokens.revoke.v1',

  ListLeads: 'records.leads.list.v1',
  GetLead: 'records.leads.get.v1',
  CreateLead: 'records.leads.create.v1',
  UpdateLead: 'records.leads.update.v1',
  DeleteLead: 'records.leads.delete.v1',

  ListContacts: 'records.contacts.list.v1',
  GetContact: 'records.contacts.get.v1',
  CreateContact: 'records.contacts.create.v1',
  UpdateContact: 'records.contacts.update.v1',
  DeleteContact: 'records.contacts.delete.v1',

  ListDeals: 'records.deals.list.v1',
  GetDeal: 'records.deals.get.v1',
  CreateDeal: 'records.deals.create.v1',
  UpdateDeal: 'records.deals.update.v1',
  DeleteDeal: 'records.deals.delete.v1',
  ListAssociatedContacts: 'records.deal-contacts.list.v1',
  AddAssociatedContact: 'records.deal-contacts.add.v1',
  RemoveAssociatedContact: 'records.deal-contacts.remove.v1',

  ListPipelines: 'records.pipelines.list.v1',
  GetPipeline: 'records.pipelines.get.v1',
  ListStages: 'records.stages.list.v1',
  GetStage: 'records.stages.get.v1',

  ListNamedItems: 'records.named-items.list.v1',
  GetNamedItem: 'records.named-items.get.v1',
  CreateNamedItem: 'records.named-items.create.v1',
  UpdateNamedItem: 'records.named-items.update.v1',
  DeleteNamedItem: 'records.named-items.delete.v1',

  ListCustomFields: 'records.custom-fields.list.v1',
  CreateCustomField: 'records.custom-fields.create.v1',

  FindPartiesByEmail: 'records.parties.find-by-email.v1',
  FindPartiesByPhone: 'records.parties.find-by-phone.v1',
} as const;

function entityEvents<E extends string>(entity: E) {
  return {
    created: `records.${entity}.created.v1`,
    updated: `records.${entity}.updated.v1`,
    deleted: `records.${entity}.deleted.v1`,
  } as const;
}

/** Facts the records service publishes through its outbox. */
export const RecordsEvents = {
  account: entityEvents('account'),
  user: entityEvents('user'),
  apiToken: entityEvents('api_token'),
  lead: entityEvents('lead'),
  contact: entityEvents('contact'),
  deal: entityEvents('deal'),
  dealContact: entityEvents('deal_contact'),
  pipeline: entityEvents('pipeline'),
  stage: entityEvents('stage'),
  tag: entityEvents('tag'),
  leadSource: entityEvents('lead_source'),
  dealSource: entityEvents('deal_source'),
  lossReason: entityEvents('loss_reason'),
  customField: entityEvents('custom_field'),
} as const;
