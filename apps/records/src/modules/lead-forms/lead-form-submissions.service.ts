import { Injectable } from '@nestjs/common';
import {
  Actor,
  DistributionRequests,
  DomainError,
  LeadFormSubmissionReply,
  RecordsRequests,
  SubmitLeadFormRequest,
} from '@crm/contracts';
import { RpcClient, TransactionRunner } from '@crm/platform';
import { IntegrationOwnersService } from '../integration-owners/integration-owners.service';
import { honeypotFilled, leadDataFromSubmission, submittedFields } from './lead-form-fields';
import { LeadFormRow, LeadFormsRepository } from './lead-forms.repository';

interface ChosenOwner {
  ownerId: number;
  assignmentId: number | null;
}

/**
 * Public submissions: the token names the form (and so the account); each accepted one becomes
 * one lead, owned by the form's user, the next member of its lead pool, the account's lead-form
 * default, or else the form's creator. Everything that asks another service runs outside any
 * transaction; the lead itself is written by the leads module, so its rules hold here too.
 */
@Injectable()
export class LeadFormSubmissionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly forms: LeadFormsRepository,
    private readonly integrationOwners: IntegrationOwnersService,
    private readonly rpc: RpcClient,
  ) {}

  async submit(request: SubmitLeadFormRequest): Promise<LeadFormSubmissionReply> {
    const form = await this.transactions.read((tx) => this.forms.findByPublicToken(tx, request.token));
    // An inactive form answers like an unknown one: the public learns nothing about it.
    if (!form || !form.active) throw DomainError.notFound('lead_form');
    const submitted = submittedFields(request.data);
    // Bots get the same answer as people, before any validation could tell them apart.
    if (honeypotFilled(submitted)) return { leadId: null, redirectUrl: form.redirect_url };
    const data = leadDataFromSubmission(form.fields, submitted);

    // The form's creator (an admin who chose its owner) stands behind the leads it creates.
    const actor: Actor = { accountId: form.account_id, userId: form.creator_id, correlationId: request.correlationId };
    const owner = await this.chooseOwner(actor, form);
    const lead = await this.rpc.request(RecordsRequests.CreateLead, {
      ...actor,
      data: { ...data, owner_id: owner.ownerId, tags: [form.name] },
    });
    if (owner.assignmentId !== null) {
      void this.rpc
        .request(DistributionRequests.RecordAssignments, { accountId: actor.accountId, assignmentIds: [owner.assignmentId], resourceIds: [lead.id] })
        .catch(() => undefined); // the log keeps the owner; only the record link would be missing
    }
    return { leadId: lead.id, redirectUrl: form.redirect_url };
  }

  private async chooseOwner(actor: Actor, form: LeadFormRow): Promise<ChosenOwner> {
    if (form.owner_id !== null) return { ownerId: form.owner_id, assignmentId: null };
    if (form.owner_pool_id !== null) {
      const reply = await this.rpc
        .request(DistributionRequests.NextOwners, { ...actor, poolId: form.owner_pool_id, resourceTypes: ['lead'], count: 1, source: 'lead_form' })
        .catch((error: unknown) => {
          // A pool deleted since the form was set up: the form cannot take leads until an admin fixes it.
          if (error instanceof DomainError && error.status === 404) throw DomainError.conflict('lead_form', 'this form cannot take submissions right now');
          throw error;
        });
      return { ownerId: reply.ownerIds[0], assignmentId: reply.assignmentIds[0] };
    }
    const fallback = await this.integrationOwners.resolve(actor, 'lead_form', 'lead');
    if (fallback.ownerId !== null) return { ownerId: fallback.ownerId, assignmentId: fallback.assignmentId };
    return { ownerId: form.creator_id, assignmentId: null };
  }
}
