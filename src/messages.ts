/**
 * Code + context + strings + locale → a sentence for people. The one place where the element
 * (and the server, in English) turns the code of a refusal or a failure into words: everything
 * else passes codes around. No DOM, no Node.
 */
import { formatSize, formatSizeOverLimit, formatTypes } from './format.js';
import { MARKUP_TYPES, type Limits } from './limits.js';
import type { ErrorCode } from './protocol.js';
import type { MmsMediaUploadStrings } from './strings.js';
import type { BatchRefusal, FileRefusal } from './validate.js';

/** Why a file failed to upload, beyond the server's codes. */
export type TransportFailure =
  /** No answer at all: the connection failed or was cut. */
  | 'network'
  /** No upload progress for the stall timeout. */
  | 'timeout'
  /** A 2xx without a media URL. */
  | 'no-media-url'
  /** A 2xx whose media URL is not http(s). */
  | 'unsafe-url'
  /** A failure status without a code, with the server's own message. */
  | 'server-message'
  /** A failure status without a code or a message. */
  | 'bad-status'
  /** The signature endpoint (or `signer`) failed. */
  | 'signing-failed';

/** Everything the element says about one file. Server codes it does not know fall back to the server's message. */
export type MessageCode = FileRefusal | BatchRefusal | 'duplicate' | ErrorCode | TransportFailure;

/** What a sentence may mention. */
export interface MessageContext {
  /** The file's name, as the user knows it. */
  name: string;
  /** Bytes, when known. */
  size?: number;
  /** The sniffed type; undefined when the bytes are of no known type. */
  type?: string;
  /** The limits that refused the file (the server's, when it gave them). */
  limits: Limits;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The server's own message, already plain text. */
  serverMessage?: string;
  /** The stall timeout, for `timeout`. */
  seconds?: number;
}

type Sentence = (context: MessageContext, strings: MmsMediaUploadStrings, locale: string | undefined) => string;

const size = (bytes: number, strings: MmsMediaUploadStrings, locale: string | undefined) =>
  formatSize(bytes, locale, { units: strings.sizeUnits });

const fileTooLarge: Sentence = ({ name, size: bytes, limits }, strings, locale) => {
  const limit = size(limits.maxFileSize, strings, locale);
  if (bytes === undefined || bytes <= limits.maxFileSize) return strings.fileOverLimit({ name, limit });
  return strings.fileTooLarge({ name, limit, size: formatSizeOverLimit(bytes, limits.maxFileSize, locale, strings.sizeUnits) });
};

const typeNotAllowed: Sentence = ({ name, type, limits }, strings, locale) => {
  if (type !== undefined && MARKUP_TYPES.has(type)) return strings.markupNotAllowed({ name });
  const types = formatTypes(limits.accept, strings.typeNames, locale);
  return type === undefined ? strings.unknownType({ name, types }) : strings.typeNotAllowed({ name, types });
};

/** Whatever the server said, or its status when it said nothing. */
const fromServer: Sentence = ({ name, serverMessage, status }, strings) =>
  serverMessage ? strings.serverMessage({ name, message: serverMessage }) : strings.badStatus({ name, status: status ?? 0 });

const signatureRejected: Sentence = ({ name }, strings) => strings.signatureRejected({ name });
const badRequest: Sentence = ({ name }, strings) => strings.badRequest({ name });

const SENTENCES: Record<MessageCode, Sentence> = {
  'too-many-files': ({ name, limits }, strings) => strings.tooManyFiles({ name, maxFiles: limits.maxFiles }),
  'total-too-large': ({ name, limits }, strings, locale) =>
    strings.totalTooLarge({ name, limit: size(limits.maxTotalSize ?? 0, strings, locale) }),
  'file-too-large': fileTooLarge,
  'type-not-allowed': typeNotAllowed,
  'empty-file': ({ name }, strings) => strings.emptyFile({ name }),
  duplicate: ({ name }, strings) => strings.duplicate({ name }),

  unsigned: signatureRejected,
  'signature-invalid': signatureRejected,
  'signature-expired': signatureRejected,
  'not-signed-in': ({ name }, strings) => strings.notSignedIn({ name }),
  'bad-request': badRequest,
  'idempotency-key-reused': badRequest,
  'provider-failed': ({ name }, strings) => strings.providerFailed({ name }),
  'provider-timeout': ({ name }, strings) => strings.providerTimeout({ name }),
  'rate-limited': ({ name }, strings) => strings.rateLimited({ name }),
  'in-progress': ({ name }, strings) => strings.inProgress({ name }),
  'store-unavailable': ({ name }, strings) => strings.serverBusy({ name }),
  'not-found': fromServer,
  'method-not-allowed': fromServer,
  'server-error': fromServer,

  network: ({ name }, strings) => strings.networkError({ name }),
  timeout: ({ name, seconds }, strings) => strings.timeout({ name, seconds: seconds ?? 0 }),
  'no-media-url': ({ name, status }, strings) => strings.noMediaUrl({ name, status: status ?? 0 }),
  'unsafe-url': ({ name }, strings) => strings.unsafeUrl({ name }),
  'server-message': fromServer,
  'bad-status': fromServer,
  'signing-failed': ({ name, serverMessage }, strings) => strings.signatureFailed({ name, message: serverMessage }),
};

/** Whether a code has words of its own (other codes show the server's message). */
export function isKnownCode(code: string): code is MessageCode {
  return Object.hasOwn(SENTENCES, code);
}

/** The sentence for `code` about one file, in `strings`' words and `locale`'s numbers. */
export function describe(code: string, context: MessageContext, strings: MmsMediaUploadStrings, locale?: string): string {
  const sentence = isKnownCode(code) ? SENTENCES[code] : fromServer;
  return sentence(context, strings, locale);
}
