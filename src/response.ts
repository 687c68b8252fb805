/**
 * Reading an upload response: the media URL of a 2xx, or the server's own error message.
 *
 * Wire formats (see the seed documents):
 * - Acrobits: 2xx with JSON `{"media_url": …}` or XML `<response><media_url>…</media_url></response>`;
 *   errors carry `message` (JSON) or `<message>` (XML).
 * - Plivo: 200 with `objects[].media_url` and `objects[].media_id`; errors carry `error`.
 * - OpenMarket: 201 with an empty body and the URL in `Location`; 400 with `invalidReasons`.
 *
 * No DOM beyond `DOMParser`, and even that is optional, so the module imports in Node.
 */

/** What a successful upload yields. */
export interface MediaResult {
  mediaUrl: string;
  mediaId?: string;
}

/** The minimal view of a finished XMLHttpRequest that the readers need (tests may pass a real XHR). */
export interface ResponseLike {
  status: number;
  responseText: string;
  responseURL?: string;
  getResponseHeader(name: string): string | null;
}

/** Why a response did not give a media URL. `message` is the server's own message when it sent one. */
export type UploadFailureReason = 'server-message' | 'bad-status' | 'no-media-url' | 'unsafe-url';

const GENERIC_MESSAGES: Record<UploadFailureReason, string> = {
  'server-message': 'The upload failed.',
  'bad-status': 'The upload failed.',
  'no-media-url': 'The upload response did not contain a media URL.',
  'unsafe-url': 'The upload response contained a media URL that is not http(s).',
};

export class UploadFailure extends Error {
  readonly reason: UploadFailureReason;
  /** The HTTP status when there was a response. */
  readonly status?: number;
  /** Plain text, already trimmed and length-capped. */
  readonly serverMessage?: string;

  constructor(reason: UploadFailureReason, { status, serverMessage }: { status?: number; serverMessage?: string } = {}) {
    const message = serverMessage === undefined ? undefined : plainMessage(serverMessage);
    super(message ?? GENERIC_MESSAGES[reason]);
    this.name = 'UploadFailure';
    this.reason = reason;
    this.status = status;
    this.serverMessage = message;
  }
}

/** The media URL in a 2xx response (JSON, XML or Location), resolved against uploadUrl; throws UploadFailure otherwise. */
export function readMediaResult(response: ResponseLike, uploadUrl: string): MediaResult {
  const status = response.status;
  if (!isSuccess(status)) throw failureOf(response);

  const found = findMediaReference(response);
  if (!found) throw new UploadFailure('no-media-url', { status });

  const mediaUrl = toHttpUrl(found.url, uploadUrl);
  if (!mediaUrl) throw new UploadFailure('unsafe-url', { status });
  return found.id === undefined ? { mediaUrl } : { mediaUrl, mediaId: found.id };
}

/** The server's own error message in a response body, as plain text, or undefined. */
export function readServerMessage(response: ResponseLike): string | undefined {
  const body = bodyText(response);
  if (!body) return undefined;
  const type = mediaType(response);
  const raw = messageFromJson(type, body) ?? messageFromXml(type, body) ?? messageFromPlainText(type, body);
  return raw === undefined ? undefined : plainMessage(raw);
}

// ---------------------------------------------------------------------------------------------
// Status and failure

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

function failureOf(response: ResponseLike): UploadFailure {
  // Status 0 is a network error or an aborted request: there was no HTTP response at all.
  const status = response.status > 0 ? response.status : undefined;
  const serverMessage = status === undefined ? undefined : readServerMessage(response);
  return serverMessage === undefined
    ? new UploadFailure('bad-status', { status })
    : new UploadFailure('server-message', { status, serverMessage });
}

// ---------------------------------------------------------------------------------------------
// The media URL

interface MediaReference {
  url: string;
  id?: string;
}

/** The body names the media more precisely than a Location header, so it goes first. */
function findMediaReference(response: ResponseLike): MediaReference | undefined {
  const body = bodyText(response);
  const type = mediaType(response);
  const fromBody = referenceFromJson(type, body) ?? referenceFromXml(type, body);
  return fromBody ?? referenceFromLocation(response);
}

function referenceFromJson(type: string, body: string): MediaReference | undefined {
  const json = parseJsonObject(type, body);
  if (!json) return undefined;
  const direct = nonBlank(json.media_url);
  if (direct) return { url: direct, id: idOf(json) };
  // Plivo: one object per uploaded file; the URL and the id come from the same object.
  const plivo = Array.isArray(json.objects) ? json.objects.find((o) => isRecord(o) && nonBlank(o.media_url)) : undefined;
  if (isRecord(plivo)) return { url: plivo.media_url as string, id: idOf(plivo) };
  const other = nonBlank(json.mediaUrl) ?? nonBlank(json.url);
  return other ? { url: other, id: idOf(json) } : undefined;
}

function referenceFromXml(type: string, body: string): MediaReference | undefined {
  const url = looksLikeXml(type, body) ? nonBlank(xmlElementText(body, 'media_url')) : undefined;
  return url ? { url } : undefined;
}

/** OpenMarket: a 201 with an empty body and the file's URL in Location. */
function referenceFromLocation(response: ResponseLike): MediaReference | undefined {
  if (response.status !== 201) return undefined;
  const url = nonBlank(response.getResponseHeader('Location'));
  return url ? { url } : undefined;
}

function idOf(record: Record<string, unknown>): string | undefined {
  for (const value of [record.media_id, record.mediaId, record.id]) {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    const text = nonBlank(value);
    if (text) return text;
  }
  return undefined;
}

/** The absolute http(s) URL, or undefined for any other scheme (javascript:, data:, blob:…) or garbage. */
function toHttpUrl(raw: string, uploadUrl: string): string | undefined {
  try {
    const url = new URL(raw.trim(), absoluteUploadUrl(uploadUrl));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** uploadUrl may itself be relative to the page; without a page (Node) it must be absolute. */
function absoluteUploadUrl(uploadUrl: string): string | undefined {
  try {
    return new URL(uploadUrl, globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The server's message

function messageFromJson(type: string, body: string): string | undefined {
  const json = parseJsonObject(type, body);
  if (!json) return undefined;
  const error = json.error;
  return (
    nonBlank(json.message) ??
    nonBlank(error) ??
    (isRecord(error) ? nonBlank(error.message) : undefined) ??
    joinedReasons(json.invalidReasons) ??
    firstErrorMessage(json.errors) ??
    nonBlank(json.detail)
  );
}

/** OpenMarket's 400: `{"invalidReasons": ["…", "…"], "valid": false}`. */
function joinedReasons(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const reasons = value.map(nonBlank).filter((reason) => reason !== undefined);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** JSON:API style `{"errors": [{"message" | "detail": …}]}`. */
function firstErrorMessage(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  if (isRecord(first)) return nonBlank(first.message) ?? nonBlank(first.detail);
  return nonBlank(first);
}

function messageFromXml(type: string, body: string): string | undefined {
  return looksLikeXml(type, body) ? nonBlank(xmlElementText(body, 'message')) : undefined;
}

const MAX_PLAIN_TEXT_BODY = 300;

/** A short one-paragraph text/plain body is a message; a long or structured one is a dump. */
function messageFromPlainText(type: string, body: string): string | undefined {
  if (type !== 'text/plain' || body.length > MAX_PLAIN_TEXT_BODY) return undefined;
  if (/^[<{[]/.test(body) || /\n\s*\n/.test(body)) return undefined;
  return body;
}

const MAX_MESSAGE = 500;

/** Collapsed, trimmed and capped; never parsed as HTML — the caller renders it as text. */
function plainMessage(raw: string): string | undefined {
  const text = raw.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!text) return undefined;
  const chars = Array.from(text); // code points, so a cut never splits a surrogate pair
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE - 1).join('')}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Body formats

/** The body without a byte-order mark or surrounding whitespace. */
function bodyText(response: ResponseLike): string {
  return (response.responseText ?? '').replace(/^\uFEFF/, '').trim();
}

/** `application/json; charset=utf-8` → `application/json`; '' when absent. */
function mediaType(response: ResponseLike): string {
  return (response.getResponseHeader('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
}

/** JSON when the type says so, and also when the body starts like JSON whatever the type says. */
function parseJsonObject(type: string, body: string): Record<string, unknown> | undefined {
  const jsonType = type === 'application/json' || type.endsWith('+json');
  if (!jsonType && !/^[{[]/.test(body)) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** XML when the type says so, or when the body starts like Acrobits' XML — but never an HTML page. */
function looksLikeXml(type: string, body: string): boolean {
  if (type === 'text/html') return false;
  return /[/+]xml$/.test(type) || /^<(\?xml|response[\s>/])/i.test(body);
}

/** The text of the first `<tag>` element, entities decoded; undefined for malformed XML. */
function xmlElementText(body: string, tag: string): string | undefined {
  return typeof DOMParser === 'function' ? xmlTextFromDom(body, tag) : xmlTextFromRegex(body, tag);
}

function xmlTextFromDom(body: string, tag: string): string | undefined {
  const doc = new DOMParser().parseFromString(body, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return undefined;
  return doc.getElementsByTagName(tag)[0]?.textContent ?? undefined;
}

/** Node fallback: plain text or one CDATA section inside `<tag>`; any other markup inside is refused. */
function xmlTextFromRegex(body: string, tag: string): string | undefined {
  const inner = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`).exec(body)?.[1];
  if (inner === undefined) return undefined;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  if (cdata) return cdata[1];
  return inner.includes('<') ? undefined : decodeXmlEntities(inner);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string when it is one and has something besides whitespace. */
function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
