import { sanitizeEmailHtml } from './html-sanitizer';

describe('sanitizeEmailHtml', () => {
  it('removes scripts, event handlers, javascript: URLs, frames, forms and style sheets', () => {
    const html = sanitizeEmailHtml(
      `<head><title>t</title><style>body{background:url(https://t.example/x)}</style></head>` +
        `<p onclick="steal()">Hi <script>alert(1)</script><img src="cid:logo@x" onerror="alert(2)">` +
        `<a href="javascript:alert(3)">bad</a> <a href="JaVaScRiPt&colon;alert(4)">worse</a></p>` +
        `<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"><button>Go</button></form>` +
        `<svg><script>alert(5)</script></svg><object data="x.swf"></object>`,
    )!;
    expect(html).not.toMatch(/script|onclick|onerror|javascript|alert|iframe|<form|<input|<style|url\(|svg|object/i);
    expect(html).toContain('<img src="cid:logo@x" />');
    expect(html).toContain('>bad</a>');
  });

  it('keeps ordinary formatting, links and inline images', () => {
    const html = sanitizeEmailHtml(
      '<div style="color: #333; font-weight: bold"><h1>Offer</h1><p>See <a href="https://example.com/q?a=1&amp;b=2">the quote</a>' +
        ' or <a href="mailto:sales@example.com">write</a>.</p><table border="1"><tr><td colspan="2">cell</td></tr></table>' +
        '<ul><li><b>one</b></li><li><i>two</i></li></ul><img src="cid:chart@example" alt="chart" width="100"></div>',
    )!;
    expect(html).toContain('<div style="color:#333;font-weight:bold"><h1>Offer</h1>');
    expect(html).toContain('<a href="https://example.com/q?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">the quote</a>');
    expect(html).toContain('href="mailto:sales@example.com"');
    expect(html).toContain('<td colspan="2">cell</td>');
    expect(html).toContain('<ul><li><b>one</b></li><li><i>two</i></li></ul>');
    expect(html).toContain('<img src="cid:chart@example" alt="chart" width="100" />');
  });

  it('drops CSS that fetches or runs something, and remote images', () => {
    const html = sanitizeEmailHtml(
      '<p style="background: url(https://t.example/p.gif); color: expression(alert(1)); width: calc(100% - 2px); color: rgb(1, 2, 3)">x</p>' +
        '<img src="https://t.example/pixel.gif"><img src="//t.example/p.gif"><img src="data:image/svg+xml;base64,PHN2Zz4=">',
    )!;
    expect(html).toBe('<p style="width:calc(100% - 2px);color:rgb(1, 2, 3)">x</p>');
  });

  it('leaves a missing body missing', () => {
    expect(sanitizeEmailHtml(null)).toBeNull();
  });
});
