import sanitizeHtml from 'sanitize-html';
import { announcementAllowedTags, announcementLinkSchemes } from '@ccc/domain';

/**
 * The only markup an announcement keeps: basic formatting and links. No script, style, event handler,
 * iframe or javascript: URL survives; every link opens in a new tab without access to this page.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...announcementAllowedTags],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: [...announcementLinkSchemes],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  // script, style, textarea… lose their content too, not only their tags.
  disallowedTagsMode: 'discard',
  transformTags: {
    // Rebuilt from scratch: only href is carried over, target and rel are ours.
    a: (_tagName, attribs) => ({
      tagName: 'a',
      attribs: {
        ...(attribs.href ? { href: attribs.href.trim() } : {}),
        target: '_blank',
        rel: 'noopener noreferrer',
      },
    }),
  },
};

export function sanitizeAnnouncementHtml(dirty: string): string {
  return sanitizeHtml(dirty, OPTIONS).trim();
}
