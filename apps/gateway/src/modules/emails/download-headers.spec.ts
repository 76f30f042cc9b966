import { attachmentDisposition, downloadContentType } from './download-headers';

describe('attachment download headers', () => {
  it('names the file in ASCII and, exactly, in UTF-8', () => {
    expect(attachmentDisposition('quote.pdf', 'attachment-1')).toBe(`attachment; filename="quote.pdf"; filename*=UTF-8''quote.pdf`);
    expect(attachmentDisposition('Angebot für "Müller" (v2).pdf', 'attachment-1')).toBe(
      `attachment; filename="Angebot f_r _M_ller_ (v2).pdf"; filename*=UTF-8''Angebot%20f%C3%BCr%20%22M%C3%BCller%22%20%28v2%29.pdf`,
    );
  });

  it('never lets a name break the header or name a path', () => {
    const header = attachmentDisposition('a\r\nSet-Cookie: x=1\\..\\/etc/passwd', 'attachment-1');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="aSet-Cookie: x=1_..__etc_passwd"');
    expect(attachmentDisposition(null, 'attachment-7')).toBe(`attachment; filename="attachment-7"; filename*=UTF-8''attachment-7`);
    expect(attachmentDisposition(' \r\n ', 'attachment-7')).toContain('filename="attachment-7"');
  });

  it('passes a plain media type and its charset, and nothing else', () => {
    expect(downloadContentType('application/PDF')).toBe('application/pdf');
    expect(downloadContentType('text/plain; charset="UTF-8"; format=flowed')).toBe('text/plain; charset=utf-8');
    expect(downloadContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(downloadContentType('')).toBe('application/octet-stream');
  });
});
