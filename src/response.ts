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
import type { Limits } from './limits.js';

/** What a successful upload yields. */
export interface MediaResult {
  mediaUrl: string;
  mediaId?: string;
}

/**
 * Reads a finished upload's response; throw an Error to fail the upload with its message. (Declared
 * here, not with the transport, so that the element's public types never reach Uppy's.)
 */
export type ResponseParser = (body: string, request: XMLHttpRequest) => MediaResult;

/** The minimal view of a finished XMLHttpRequest that the readers need (tests may pass a real XHR). */
export interface ResponseLike {
  status: number;
  responseText: string;
  responseURL?: string;
  getResponseHeader(name: string): string | null;
}

/** Why a response did not give a media URL. `message` is the server's own message when it sent one. */
export type UploadFailureReason = 'server-message' | 'bad-status' | 'no-media-url' | 'unsafe-url';

const GENERIC_MESSAGES: Partial<Record<UploadFailureReason, string>> = {
  'no-media-url': 'The upload response did not contain a media URL.',
  'unsafe-url': 'The upload response contained a media URL that is not http(s).',
};

export class UploadFailure extends Error {
  readonly reason: UploadFailureReason;
  /** The HTTP status when there was a response. */
  readonly status?: number;
  /** Plain text, already trimmed and length-capped. */
  readonly serverMessage?: string;
  /** The server's `code` (`file-too-large`, `provider-failed`…), when it sent one. */
  readonly code?: string;
  /** The limits the server named with its refusal (`maxFiles`, `maxFileSize`, `accept`). */
  readonly limits?: Partial<Limits>;

  constructor(reason: UploadFailureReason, details: { status?: number } & Partial<ServerError> = {}) {
    const message = details.serverMessage === undefined ? undefined : plainMessage(details.serverMessage);
    super(message ?? GENERIC_MESSAGES[reason] ?? 'The upload failed.');
    this.name = 'UploadFailure';
    this.reason = reason;
    this.status = details.status;
    this.serverMessage = message;
    this.code = details.code;
    this.limits = details.limits;
  }
}

/** What a failure answer says about itself: `{ code, message, maxFiles?, maxFileSize?, accept? }` and kin. */
export interface ServerError {
  serverMessage?: string;
  code?: string;
  limits?: Partial<Limits>;
}

/** A parsed JSON object, read field by field with `nonBlank` and friends. */
type JsonObject = Record<string, any>;

/** The media URL in a 2xx response (JSON, XML or Location), resolved against uploadUrl; throws UploadFailure otherwise. */
export function readMediaResult(response: ResponseLike, uploadUrl: string): MediaResult {
  const { status } = response;
  if (!(status >= 200 && status <= 299)) {
    // Status 0 is a network error or an aborted request: there was no HTTP response at all.
    if (!(status > 0)) throw new UploadFailure('bad-status');
    const error = readServerError(response);
    throw new UploadFailure(error.serverMessage === undefined ? 'bad-status' : 'server-message', { status, ...error });
  }
  // The body names the media more precisely than a Location header, so it goes first.
  const body = bodyText(response);
  const type = mediaType(response);
  const json = parseJsonObject(type, body);
  // Plivo: one object per uploaded file; the URL and the id come from the same object.
  const plivo = Array.isArray(json?.objects) ? json.objects.find((item: unknown) => isRecord(item) && nonBlank(item.media_url)) : undefined;
  const record: JsonObject | undefined = json && !nonBlank(json.media_url) && plivo ? plivo : json;
  const fromJson = nonBlank(record?.media_url) ?? nonBlank(record?.mediaUrl) ?? nonBlank(record?.url);
  const url =
    fromJson ??
    (looksLikeXml(type, body) ? nonBlank(xmlElementText(body, 'media_url')) : undefined) ??
    // OpenMarket: a 201 with an empty body and the file's URL in Location.
    (status === 201 ? nonBlank(response.getResponseHeader('Location')) : undefined);
  // An id only comes with a URL from JSON, and from the same object.
  return checkedMediaResult({ mediaUrl: url ?? '', mediaId: fromJson ? idOf(record!) : undefined }, uploadUrl, status);
}

/**
 * A media result as it may leave the element: an absolute http(s) `mediaUrl` (resolved against
 * uploadUrl), or an UploadFailure. Applies to the built-in reader and to a `parseResponse` alike.
 */
export function checkedMediaResult(result: Partial<MediaResult> | null | undefined, uploadUrl: string, status: number): MediaResult {
  const url = nonBlank(result?.mediaUrl);
  if (!url) throw new UploadFailure('no-media-url', { status });
  const mediaUrl = toHttpUrl(url, uploadUrl);
  if (!mediaUrl) throw new UploadFailure('unsafe-url', { status });
  const mediaId = nonBlank(result?.mediaId);
  return mediaId === undefined ? { mediaUrl } : { mediaUrl, mediaId };
}

/** The server's own error message in a response body, as plain text, or undefined. */
export function readServerMessage(response: ResponseLike): string | undefined {
  return readServerError(response).serverMessage;
}

/** The message, code and limits of a failure answer: whatever of them the body holds. */
export function readServerError(response: ResponseLike): ServerError {
  const body = bodyText(response);
  if (!body) return {};
  const type = mediaType(response);
  const json = parseJsonObject(type, body);
  // JSON:API style `{"errors": [{"message" | "detail": …}]}`.
  const firstError = Array.isArray(json?.errors) ? json.errors[0] : undefined;
  const raw = json
    ? (nonBlank(json.message) ??
      nonBlank(json.error) ?? // Plivo
      nonBlank(json.error?.message) ??
      joinedReasons(json.invalidReasons) ??
      nonBlank(firstError) ??
      nonBlank(firstError?.message) ??
      nonBlank(firstError?.detail) ??
      nonBlank(json.detail))
    : undefined;
  const serverMessage = plainMessage(
    raw ??
      (looksLikeXml(type, body) ? nonBlank(xmlElementText(body, 'message')) : undefined) ??
      // A short one-paragraph text/plain body is a message; a long or structured one is a dump.
      (type === 'text/plain' && body.length <= MAX_PLAIN_TEXT_BODY && !/^[<{[]/.test(body) && !/\n\s*\n/.test(body) ? body : ''),
  );
  const code = typeof json?.code === 'string' && ERROR_CODE.test(json.code) ? json.code : undefined;
  return { serverMessage, code, limits: json ? limitsOf(json) : undefined };
}

/** A code is a short lower-case word with dashes, like `file-too-large`. */
const ERROR_CODE = /^[a-z][a-z0-9-]{0,63}$/;

/** `maxFiles`, `maxFileSize`, `maxTotalSize` and `accept` of an error body, those that are well-formed. */
function limitsOf(json: JsonObject): Partial<Limits> | undefined {
  const limits: Partial<Limits> = {};
  if (Number.isSafeInteger(json.maxFiles) && json.maxFiles > 0) limits.maxFiles = json.maxFiles;
  if (Number.isSafeInteger(json.maxFileSize) && json.maxFileSize > 0) limits.maxFileSize = json.maxFileSize;
  if (Number.isSafeInteger(json.maxTotalSize) && json.maxTotalSize > 0) limits.maxTotalSize = json.maxTotalSize;
  if (Array.isArray(json.accept) && json.accept.every((entry: unknown) => typeof entry === 'string')) limits.accept = json.accept;
  return Object.keys(limits).length > 0 ? limits : undefined;
}

/** OpenMarket's 400: `{"invalidReasons": ["…", "…"], "valid": false}`. */
function joinedReasons(value: unknown): string | undefined {
  const reasons = Array.isArray(value) ? value.filter((reason) => nonBlank(reason)) : [];
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

function idOf(record: JsonObject): string | undefined {
  for (const value of [record.media_id, record.mediaId, record.id]) {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (nonBlank(value)) return value;
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

const MAX_PLAIN_TEXT_BODY = 300;
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
  const text = response.responseText ?? '';
  // A media URL or a message fits in a few KB; parsing megabytes would only block the page.
  if (text.length > MAX_BODY_CHARS) return '';
  return text.replace(/^\uFEFF/, '').trim();
}

/** The longest answer that is read at all (256 KiB of text). */
const MAX_BODY_CHARS = 256 * 1024;

/** `application/json; charset=utf-8` → `application/json`; '' when absent. */
function mediaType(response: ResponseLike): string {
  return (response.getResponseHeader('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
}

/** JSON when the type says so, and also when the body starts like JSON whatever the type says. */
function parseJsonObject(type: string, body: string): JsonObject | undefined {
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
  if (typeof DOMParser === 'function') {
    const doc = new DOMParser().parseFromString(body, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return undefined;
    return doc.getElementsByTagName(tag)[0]?.textContent ?? undefined;
  }
  // Node: plain text or one CDATA section inside `<tag>`; any other markup inside is refused.
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

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string when it is one and has something besides whitespace. */
function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
