import { announcementAllowedTags, announcementLinkSchemes } from '@ccc/domain';

/**
 * A browser-side mirror of the server's announcement sanitiser (sanitize-announcement-html.ts), so the
 * preview and pasted text show what will actually be kept. The server remains the authority: whatever
 * this lets through, the server sanitises again on save.
 */
const ALLOWED = new Set<string>(announcementAllowedTags);
/** Dropped with their content, as sanitize-html does. */
const DISCARDED = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'iframe',
  'object',
  'head',
  'title',
  'meta',
]);
const SAFE_HREF = new RegExp(`^(${announcementLinkSchemes.join('|')}):`, 'i');

function clean(node: Node, doc: Document): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [doc.createTextNode(node.textContent ?? '')];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DISCARDED.has(tag)) return [];
  const children = Array.from(el.childNodes).flatMap((c) => clean(c, doc));
  if (!ALLOWED.has(tag)) return children;
  const out = doc.createElement(tag);
  if (tag === 'a') {
    const href = el.getAttribute('href')?.trim();
    if (href && SAFE_HREF.test(href)) out.setAttribute('href', href);
    out.setAttribute('target', '_blank');
    out.setAttribute('rel', 'noopener noreferrer');
  }
  out.append(...children);
  return [out];
}

export function sanitizeAnnouncementHtml(dirty: string): string {
  const doc = new DOMParser().parseFromString(`<body>${dirty}</body>`, 'text/html');
  const box = doc.createElement('div');
  box.append(...Array.from(doc.body.childNodes).flatMap((c) => clean(c, doc)));
  return box.innerHTML.trim();
}

/** True when the HTML shows no text (an editor left with only empty paragraphs or line breaks). */
export function isBlankHtml(html: string): boolean {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return (doc.body.textContent ?? '').trim() === '';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
