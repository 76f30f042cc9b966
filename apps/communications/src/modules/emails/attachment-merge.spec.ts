import type { MailAttachmentMeta } from '@crm/contracts';
import { mergeAttachments } from './attachment-merge';

const file = (id: number, sha256: string, filename: string | null = `f${id}.pdf`): MailAttachmentMeta => ({
  id,
  filename,
  content_type: 'application/pdf',
  size: 10,
  content_id: null,
  sha256,
});

describe('mergeAttachments', () => {
  it('adds new files after the known ones', () => {
    expect(mergeAttachments([file(1, 'a')], [file(2, 'b')])).toEqual([file(1, 'a'), file(2, 'b')]);
  });

  it('adds nothing for the same id or the same file stored again under a new id', () => {
    const current = [file(1, 'a', 'quote.pdf')];
    expect(mergeAttachments(current, [file(1, 'a', 'quote.pdf'), file(7, 'a', 'quote.pdf')])).toBe(current);
  });

  it('keeps two different files with the same content but another name, and one copy of a repeated id', () => {
    expect(mergeAttachments([file(1, 'a', 'quote.pdf')], [file(2, 'a', 'copy.pdf'), file(2, 'a', 'copy.pdf')])).toEqual([
      file(1, 'a', 'quote.pdf'),
      file(2, 'a', 'copy.pdf'),
    ]);
  });
});
