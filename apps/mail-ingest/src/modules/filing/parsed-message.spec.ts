import { createHash } from 'node:crypto';
import { parseMessage } from './parsed-message';

describe('parseMessage', () => {
  it("gives each attachment its decoded bytes and their SHA-256, the same as hashing the bytes", async () => {
    const content = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    const raw = Buffer.from(
      [
        'From: Ann <ann@example.com>',
        'To: bcc@bcc.test',
        'Subject: With a file',
        'Message-ID: <file-1@example.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the file.',
        '--b1',
        'Content-Type: application/octet-stream; name="data.bin"',
        'Content-Disposition: attachment; filename="data.bin"',
        'Content-Transfer-Encoding: base64',
        '',
        content.toString('base64').replace(/.{76}/g, '$&\r\n'),
        '--b1--',
        '',
      ].join('\r\n'),
    );

    const parsed = await parseMessage(raw);

    expect(parsed.messageId).toBe('file-1@example.com');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0].filename).toBe('data.bin');
    expect(parsed.attachments[0].content.equals(content)).toBe(true);
    expect(parsed.attachments[0].sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });
});
