import sanitizeHtml from 'sanitize-html';

/**
 * Only function calls that cannot fetch or run anything (no url(), expression(), var(), image-set()),
 * and no backslash escapes that could spell one.
 */
const CSS_VALUE = /^(?:[-\w\s#.,%'"/!+]|(?:rgba?|hsla?|calc)\([-\w\s#.,%/+*]*\))*$/i;

const STYLE_PROPERTIES = [
  'color', 'background', 'background-color',
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'line-height', 'letter-spacing', 'word-spacing',
  'vertical-align', 'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'direction',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left',
  'border-color', 'border-style', 'border-width', 'border-radius', 'border-collapse', 'border-spacing',
  'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height',
  'display', 'list-style-type', 'table-layout',
];

/** Inline images travel with the message (cid:) or inside it (raster data: URIs); nothing is fetched. */
const INLINE_IMAGE = /^(?:cid:|data:image\/(?:png|gif|jpe?g|webp);base64,)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'del', 'ins', 'big', 'strike', 'tt'],
  allowedAttributes: {
    '*': ['style', 'dir', 'lang', 'title'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'align', 'bgcolor'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'],
    tr: ['align', 'valign', 'bgcolor'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
    li: ['value'],
    p: ['align'],
    div: ['align'],
  },
  allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((property) => [property, [CSS_VALUE]])) },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  // Their text is code or chrome, not message content: dropped with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'title', 'head', 'iframe', 'object', 'template', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
    img: (tagName, attribs) => {
      const kept = { ...attribs };
      if (kept.src !== undefined && INLINE_IMAGE.test(kept.src.trim())) kept.src = kept.src.trim();
      else delete kept.src;
      return { tagName, attribs: kept };
    },
  },
  // An image left without a source (remote, relative) would show as a broken box.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * A received message's HTML made safe to show inside the application: no scripts, event
 * handlers, javascript: URLs, frames, forms, style sheets or CSS that fetches or runs anything,
 * and no remote images (tracking pixels); ordinary formatting, links and cid: images stay.
 */
export function sanitizeEmailHtml(html: string | null): string | null {
  return html === null ? null : sanitizeHtml(html, OPTIONS);
}
