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
  /** Per stage of one pipeline: how many deals the actor may see, and their value summed per currency. */
  PipelineStageTotals: 'records.pipelines.stage-totals.v1',

  ListNamedItems: 'records.named-items.list.v1',
  GetNamedItem: 'records.named-items.get.v1',
  CreateNamedItem: 'records.named-items.create.v1',
  UpdateNamedItem: 'records.named-items.update.v1',
  DeleteNamedItem: 'records.named-items.delete.v1',

  ListCustomFields: 'records.custom-fields.list.v1',
  CreateCustomField: 'records.custom-fields.create.v1',

  FindPartiesByEmail: 'records.parties.find-by-email.v1',
  FindPartiesByPhone: 'records.parties.find-by-phone.v1',
  /** Whether the actor may see a lead, contact or deal, and who owns it (404 otherwise). */
  FindResource: 'records.resources.find.v1',
  /** Whether a user's role grants a permission (for services that enforce rights of their own). */
  CheckPermission: 'records.access.check.v1',
  ListIntegrationOwners: 'records.integration-owners.list.v1',
  SetIntegrationOwner: 'records.integration-owners.set.v1',
  /** For services that create records (mail-ingest, telephony, forms): who owns the new one. */
  ResolveIntegrationOwner: 'records.integration-owners.resolve.v1',

  ListRoles: 'records.roles.list.v1',
  GetRole: 'records.roles.get.v1',
  CreateRole: 'records.roles.create.v1',
  UpdateRole: 'records.roles.update.v1',
  DeleteRole: 'records.roles.delete.v1',
  ListGroups: 'records.groups.list.v1',
  GetGroup: 'records.groups.get.v1',
  CreateGroup: 'records.groups.create.v1',
  UpdateGroup: 'records.groups.update.v1',
  DeleteGroup: 'records.groups.delete.v1',

  ConvertLead: 'records.lead-conversions.create.v1',
  ListLeadConversions: 'records.lead-conversions.list.v1',
  GetLeadConversion: 'records.lead-conversions.get.v1',

  ListNotes: 'records.notes.list.v1',
  GetNote: 'records.notes.get.v1',
  CreateNote: 'records.notes.create.v1',
  UpdateNote: 'records.notes.update.v1',
  DeleteNote: 'records.notes.delete.v1',
  ListTasks: 'records.tasks.list.v1',
  GetTask: 'records.tasks.get.v1',
  CreateTask: 'records.tasks.create.v1',
  UpdateTask: 'records.tasks.update.v1',
  DeleteTask: 'records.tasks.delete.v1',

  ListSmartLists: 'records.smart-lists.list.v1',
  GetSmartList: 'records.smart-lists.get.v1',
  CreateSmartList: 'records.smart-lists.create.v1',
  UpdateSmartList: 'records.smart-lists.update.v1',
  DeleteSmartList: 'records.smart-lists.delete.v1',
  ListSmartListLeads: 'records.smart-lists.leads.v1',
  ListSmartListContacts: 'records.smart-lists.contacts.v1',
  ListSmartListDeals: 'records.smart-lists.deals.v1',
  CountSmartList: 'records.smart-lists.count.v1',
  StartBulkAction: 'records.smart-lists.bulk-action.v1',
  GetJob: 'records.jobs.get.v1',

  CreateImport: 'records.imports.create.v1',
  AppendImportChunk: 'records.imports.append-chunk.v1',
  StartImport: 'records.imports.start.v1',
  GetImport: 'records.imports.get.v1',
  /** The imports an actor may follow, newest first (their own; every one for those who see all records). */
  ListImports: 'records.imports.list.v1',
  ListImportErrors: 'records.imports.errors.v1',

  ListLeadForms: 'records.lead-forms.list.v1',
  GetLeadForm: 'records.lead-forms.get.v1',
  CreateLeadForm: 'records.lead-forms.create.v1',
  UpdateLeadForm: 'records.lead-forms.update.v1',
  DeleteLeadForm: 'records.lead-forms.delete.v1',
  /** A public submission keyed by the form's token (no user): creates one lead. */
  SubmitLeadForm: 'records.lead-forms.submit.v1',

  /** Users of an account with any of these emails (case-insensitive): colleagues, for mail filing. */
  FindUsersByEmail: 'records.users.find-by-email.v1',
  /** The contact for each email, created (with the integration's default owner) when none has it. */
  EnsureContactsByEmail: 'records.contacts.ensure-by-email.v1',
  /** Each deal's primary and associated contacts (deals that do not exist are left out). */
  GetDealContactIds: 'records.deals.contact-ids.v1',
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
  /** Web app sessions (sign-in): `updated` when one is signed out or ended by a password reset. */
  session: entityEvents('session'),
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
  role: entityEvents('role'),
  group: entityEvents('group'),
  note: entityEvents('note'),
  task: entityEvents('task'),
  smartList: entityEvents('smart_list'),
  job: entityEvents('job'),
  integrationOwner: entityEvents('integration_owner'),
  import: entityEvents('import'),
  leadForm: entityEvents('lead_form'),
  /** A lead became a contact (and maybe an organization and a deal): things attached to it move. */
  leadConverted: { converted: 'records.lead.converted.v1' },
  /** Derived contact statuses changed because of a deal change (or by hand, for `past`). */
  contactStatus: {
    customerChanged: 'records.contact.customer_status_changed.v1',
    prospectChanged: 'records.contact.prospect_status_changed.v1',
  },
} as const;
