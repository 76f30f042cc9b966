import { Injectable } from '@nestjs/common';
import { Actor, AttachableType, DomainError, ListQuery, NoteAttributes, NoteDto, Page, parseAttributes, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { normalizeTags } from '../../common/party-attributes';
import { AccessService } from '../access/access.service';
import { assertAttachable, isVisible } from '../record-support/attachments';
import { ResourceOwnersRepository } from '../record-support/resource-owners.repository';
import type { NoteEntity } from './entities/note.entity';
import { toNoteDto } from './notes.mapper';
import { NotesRepository } from './notes.repository';

/** Notes hang on a lead, contact or deal; whoever can see the record can see its notes. */
@Injectable()
export class NotesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notes: NotesRepository,
    private readonly owners: ResourceOwnersRepository,
    private readonly access: AccessService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<NoteDto>> {
    return this.transactions.read(async (tx) => {
      const access = await this.access.load(tx, actor);
      const page = await this.notes.list(tx, actor.accountId, query, access.ownerScope);
      return { items: page.rows.map(toNoteDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<NoteDto> {
    return this.transactions.read(async (tx) => toNoteDto(await this.loadVisible(tx, actor, id)));
  }

  create(actor: Actor, data: unknown): Promise<NoteDto> {
    const attributes = parseAttributes('note', NoteAttributes, data);
    if (!attributes.content?.trim()) throw DomainError.invalid('note', 'content', 'content is required', 'blank');
    if (!attributes.resource_type) throw DomainError.invalid('note', 'resource_type', 'resource_type is required', 'blank');
    if (attributes.resource_id === undefined) throw DomainError.invalid('note', 'resource_id', 'resource_id is required', 'blank');
    const target = { type: attributes.resource_type, id: attributes.resource_id };
    return this.transactions.run(async (tx) => {
      await assertAttachable(tx, this.owners, this.access, actor, 'note', target);
      const note = await this.notes.save(tx, {
        account_id: actor.accountId,
        creator_id: actor.userId,
        content: attributes.content!,
        resource_type: target.type,
        resource_id: target.id,
        is_important: attributes.is_important ?? false,
        tags: normalizeTags(attributes.tags ?? []),
      });
      await this.emit(tx, actor, RecordsEvents.note.created, note);
      return toNoteDto(note);
    });
  }

  update(actor: Actor, id: number, data: unknown): Promise<NoteDto> {
    const attributes = parseAttributes('note', NoteAttributes, data);
    return this.transactions.run(async (tx) => {
      const note = await this.loadVisible(tx, actor, id);
      if (attributes.resource_type !== undefined || attributes.resource_id !== undefined) {
        const target = { type: attributes.resource_type ?? note.resource_type, id: attributes.resource_id ?? note.resource_id };
        await assertAttachable(tx, this.owners, this.access, actor, 'note', target);
        note.resource_type = target.type;
        note.resource_id = target.id;
      }
      if (attributes.content !== undefined) {
        if (!attributes.content.trim()) throw DomainError.invalid('note', 'content', 'content cannot be blank', 'blank');
        note.content = attributes.content;
      }
      if (attributes.is_important !== undefined) note.is_important = attributes.is_important;
      if (attributes.tags) note.tags = normalizeTags(attributes.tags);
      const saved = await this.notes.save(tx, note);
      await this.emit(tx, actor, RecordsEvents.note.updated, saved);
      return toNoteDto(saved);
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const note = await this.loadVisible(tx, actor, id);
      // Your own notes are yours to remove; others' need the delete right.
      if (note.creator_id !== actor.userId) await this.access.require(tx, actor, 'delete_records', 'note');
      await this.notes.delete(tx, actor.accountId, id);
      await this.emitDeleted(tx, actor, [id]);
      return { deleted: true as const };
    });
  }

  /** With the record they hang on (in its transaction). */
  async deleteAttachedTo(tx: Tx, actor: Actor, type: AttachableType, id: number): Promise<void> {
    await this.emitDeleted(tx, actor, await this.owners.deleteAttached(tx, 'records.notes', actor.accountId, { type, id }));
  }

  /** A converted lead's notes follow it to its contact. */
  repoint(tx: Tx, actor: Actor, from: { type: AttachableType; id: number }, to: { type: AttachableType; id: number }) {
    return this.owners.repointAttached(tx, 'records.notes', actor.accountId, from, to);
  }

  private async loadVisible(tx: Tx, actor: Actor, id: number): Promise<NoteEntity> {
    const note = await this.notes.find(tx, actor.accountId, id);
    const owner = note ? await this.owners.ownerOf(tx, actor.accountId, note.resource_type, note.resource_id) : null;
    if (!note || owner === null || !isVisible(await this.access.load(tx, actor), owner)) throw DomainError.notFound('note', id);
    return note;
  }

  private async emit(tx: Tx, actor: Actor, subject: typeof RecordsEvents.note.created | typeof RecordsEvents.note.updated, note: NoteEntity) {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'note',
      id: note.id,
      actorId: actor.userId,
      data: toNoteDto(note),
    });
  }

  private async emitDeleted(tx: Tx, actor: Actor, ids: number[]) {
    await this.events.publishMany(
      tx,
      RecordsEvents.note.deleted,
      ids.map((id) => ({ accountId: actor.accountId, correlationId: actor.correlationId, entity: 'note', id, actorId: actor.userId, data: null })),
    );
  }
}
