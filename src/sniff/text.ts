/**
 * Text and markup. Markup (SVG, XML, HTML) is reported by its own type, never as text, so that
 * callers can refuse it with a clear reason, wherever it stands in the bytes read.
 *
 * Markup is whatever an HTML or XML parser would open a tag, comment, declaration or processing
 * instruction on: `<` followed by an ASCII letter (a start tag), by `/` and a letter (an end
 * tag), by `!` (comment, DOCTYPE, CDATA) or by `?` (processing instruction). So `a < b`, `x<3`,
 * `<-`, `<=` and `</3` stay text, while `a<b` and `<john@example.com>` are markup: a browser
 * would read both as tags, and from the bytes alone a code snippet cannot be told from an attack.
 */

const MARKUP_OPENER = /<(?:[a-z!?]|\/[a-z])/i;
const MARKUP_AT_START = new RegExp(`^${MARKUP_OPENER.source}`, 'i');
/** An SVG element, with or without a namespace prefix (`<svg:svg>`). */
const SVG_ELEMENT = /<(?:[a-z_][\w.-]*:)?svg[\s/>]/i;
/** An XML declaration, or a DOCTYPE that is not HTML's. */
const XML_START = /^<(?:\?xml[\s?]|!doctype\s+(?!html[\s>]))/i;
/** What may come before a document's first tag: a UTF-8 BOM, white space (NBSP too) and comments. */
const LEADING = /^(?:\xef\xbb\xbf)?(?:\s|\xc2\xa0|<!--[\s\S]*?-->)*/;

/** Controls that text never holds: C0 but TAB, LF, FF and CR; DEL; C1 (U+0080–U+009F). */
const BINARY_CHARACTERS = /[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/;

/**
 * The type of a head that is UTF-8 text: markup when it holds markup anywhere, vCard or
 * vCalendar by their first line, text/plain otherwise. `text` is the head as Latin-1; `cut` says
 * that the read may have stopped inside a character. Undefined when the head is not text.
 */
export function textType(head: Uint8Array, text: string, cut: boolean): string | undefined {
  const decoded = decodedText(head, cut);
  if (decoded === undefined) return undefined;
  // Markup is ASCII, and UTF-8 never puts an ASCII byte inside a character: the Latin-1 view will do.
  if (MARKUP_OPENER.test(text)) return markupType(text);
  const start = decoded.trimStart();
  if (/^BEGIN:VCARD(?:\r?\n|$)/i.test(start)) return 'text/vcard';
  if (/^BEGIN:VCALENDAR(?:\r?\n|$)/i.test(start)) return 'text/calendar';
  return 'text/plain';
}

/** The markup type of bytes that are not text but open with markup (after a BOM, white space and comments). */
export function leadingMarkupType(text: string): string | undefined {
  return MARKUP_AT_START.test(text.replace(LEADING, '')) ? markupType(text) : undefined;
}

/** SVG when an SVG element or DOCTYPE is there, other XML when it opens as XML, HTML otherwise. */
function markupType(text: string): string {
  if (SVG_ELEMENT.test(text) || /<!doctype\s+svg[\s>]/i.test(text)) return 'image/svg+xml';
  return XML_START.test(text.replace(LEADING, '')) ? 'application/xml' : 'text/html';
}

/**
 * The head decoded as UTF-8, or undefined when it is not text: invalid UTF-8, or a control
 * character. A multi-byte character cut by the end of the read is forgiven, and only that.
 */
function decodedText(head: Uint8Array, cut: boolean): string | undefined {
  const length = cut ? withoutCutCharacter(head) : head.length;
  if (length === 0) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, length));
  } catch {
    return undefined;
  }
  return BINARY_CHARACTERS.test(decoded) ? undefined : decoded;
}

/**
 * The length of the head without a multi-byte UTF-8 sequence that the read cut short (up to 3
 * trailing bytes), so that a head ending inside a character still counts as valid UTF-8.
 */
function withoutCutCharacter(head: Uint8Array): number {
  for (let i = head.length - 1; i >= Math.max(0, head.length - 4); i--) {
    const byte = head[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return head.length - i < needed ? i : head.length;
  }
  return head.length;
}
