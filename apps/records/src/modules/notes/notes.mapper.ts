import type { NoteDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { NoteEntity } from './entities/note.entity';

export function toNoteDto(note: NoteEntity): NoteDto {
  return {
    id: note.id,
    creator_id: note.creator_id,
    content: note.content,
    resource_type: note.resource_type,
    resource_id: note.resource_id,
    is_important: note.is_important,
    tags: note.tags,
    created_at: iso(note.created_at),
    updated_at: iso(note.updated_at),
  };
}
