import type { LeadFormDto } from '@crm/contracts';
import { embedHtml } from './lead-form-embed';
import { SubmissionRateLimiter } from './submission-rate-limiter';

describe('SubmissionRateLimiter', () => {
  it('allows the limit per key within the window, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = new SubmissionRateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('form\nip').allowed).toBe(true);
    expect(limiter.take('form\nip')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('form\nother-ip').allowed).toBe(true);
    now += 45_000;
    expect(limiter.take('form\nip')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 15_001;
    expect(limiter.take('form\nip').allowed).toBe(true);
  });
});

describe('embedHtml', () => {
  const form: LeadFormDto = {
    id: 1,
    creator_id: 1,
    name: 'Form',
    fields: [
      { name: 'last_name', label: 'Name "<b>"', required: true, custom_field: false },
      { name: 'description', label: 'Message', required: false, custom_field: false },
    ],
    owner_id: null,
    owner_pool_id: null,
    token: 'abcdefghijklmnopqrstuvwxyz012345',
    active: true,
    redirect_url: null,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  };

  it('posts to the public URL, escapes labels and hides a honeypot input', () => {
    const html = embedHtml(form, 'https://crm.example.com/');
    expect(html).toContain('action="https://crm.example.com/v2/forms/abcdefghijklmnopqrstuvwxyz012345/submissions"');
    expect(html).toContain('Name &quot;&lt;b&gt;&quot; *');
    expect(html).toContain('<input id="crm-lead-form-last_name" type="text" name="last_name" maxlength="255" required>');
    expect(html).toContain('<textarea id="crm-lead-form-description" name="description" rows="4" maxlength="10000">');
    expect(html).toMatch(/left:-10000px[^]*name="website_url"[^]*tabindex="-1"/);
  });
});
