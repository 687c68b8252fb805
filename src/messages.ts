/**
 * Code + context + strings + locale → a sentence for people. The one place where the element
 * (and the server, in English) turns the code of a refusal or a failure into words: everything
 * else passes codes around. No DOM, no Node.
 */
import { formatSize, formatSizeOverLimit, formatTypes, visibleName } from './format.js';
import { MARKUP_TYPES, type Limits } from './limits.js';
import type { ErrorCode } from './protocol.js';
import type { MmsMediaUploadStrings } from './strings.js';
import type { RejectionReason, UploadErrorReason } from './events.js';
import type { FitRefusal } from './fit/fit-types.js';
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
export type MessageCode = FileRefusal | BatchRefusal | 'duplicate' | FitRefusal | ErrorCode | TransportFailure;

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

/** Everything a sentence about a file may use, already formatted for the locale. */
interface SentenceArgs {
  name: string;
  /** How many files, for sentences about several. */
  count: number;
  size: string;
  limit: string;
  maxFiles: number;
  types: string;
  status: number;
  message: string;
  seconds: number;
}

/** The strings that make a sentence about one file. */
type SentenceKey = {
  [Key in keyof MmsMediaUploadStrings]: MmsMediaUploadStrings[Key] extends (args: SentenceArgs) => string ? Key : never;
}[keyof MmsMediaUploadStrings];

/** Whatever the server said, or its status when it said nothing. */
const fromServer = ({ serverMessage }: MessageContext): SentenceKey => (serverMessage ? 'serverMessage' : 'badStatus');

/** The sentence of each code, or how to choose it from the context. */
const SENTENCES: Record<MessageCode, SentenceKey | ((context: MessageContext) => SentenceKey)> = {
  'too-many-files': 'tooManyFiles',
  'total-too-large': 'totalTooLarge',
  'file-too-large': ({ size, limits }) => (size !== undefined && size > limits.maxFileSize ? 'fileTooLarge' : 'fileOverLimit'),
  'type-not-allowed': ({ type }) => (type === undefined ? 'unknownType' : MARKUP_TYPES.has(type) ? 'markupNotAllowed' : 'typeNotAllowed'),
  'empty-file': 'emptyFile',
  duplicate: 'duplicate',
  'video-too-large': 'videoTooLarge',
  'animated-too-large': 'animatedTooLarge',
  'heic-unsupported': 'heicUnsupported',
  'too-big-to-decode': 'tooBigToDecode',
  'cannot-decode': 'cannotDecode',
  'cannot-fit': 'cannotFit',

  unsigned: 'signatureRejected',
  'signature-invalid': 'signatureRejected',
  'signature-expired': 'signatureRejected',
  'not-signed-in': 'notSignedIn',
  'bad-request': 'badRequest',
  // Until the element has words of its own for it: the server's sentence.
  'upload-too-slow': 'uploadTooSlow',
  'idempotency-key-reused': 'badRequest',
  'provider-failed': 'providerFailed',
  'provider-timeout': 'providerTimeout',
  'rate-limited': 'rateLimited',
  'in-progress': 'inProgress',
  'store-unavailable': 'serverBusy',
  'not-found': fromServer,
  'method-not-allowed': fromServer,
  'server-error': fromServer,

  network: 'networkError',
  timeout: 'timeout',
  'no-media-url': 'noMediaUrl',
  'unsafe-url': 'unsafeUrl',
  'server-message': fromServer,
  'bad-status': fromServer,
  'signing-failed': 'signatureFailed',
};

/** The sentence that sums up several refusals of one kind. */
const GROUP_SENTENCES: Record<RejectionReason, SentenceKey> = {
  'too-many-files': 'tooManyFilesGroup',
  'total-too-large': 'totalTooLargeGroup',
  'file-too-large': 'fileTooLargeGroup',
  'type-not-allowed': 'typeNotAllowedGroup',
  'empty-file': 'emptyFilesGroup',
  duplicate: 'duplicatesGroup',
};

/** The reason `upload-error` gives: the server's code, or what went wrong on the way. */
export function publicReason(code: string): UploadErrorReason {
  const unusableAnswer: readonly string[] = ['no-media-url', 'unsafe-url', 'server-message', 'bad-status'] satisfies TransportFailure[];
  return unusableAnswer.includes(code) ? 'bad-response' : code;
}

/** Whether a code has words of its own (other codes show the server's message). */
export function isKnownCode(code: string): code is MessageCode {
  return Object.hasOwn(SENTENCES, code);
}

/** The sentence for `code` about one file, in `strings`' words and `locale`'s numbers. */
export function describe(code: string, context: MessageContext, strings: MmsMediaUploadStrings, locale?: string): string {
  const sentence = isKnownCode(code) ? SENTENCES[code] : fromServer;
  const key = typeof sentence === 'function' ? sentence(context) : sentence;
  return strings[key](sentenceArgs(key, context, 1, strings, locale));
}

/** The sentence for a failed upload: the failure's code, with what the server said and the limits it named. */
export function describeFailure(
  failure: { code: string; status?: number; serverMessage?: string; limits?: Partial<Limits> },
  context: Omit<MessageContext, 'status' | 'serverMessage'>,
  strings: MmsMediaUploadStrings,
  locale?: string,
): string {
  const { status, serverMessage } = failure;
  return describe(failure.code, { ...context, limits: { ...context.limits, ...failure.limits }, status, serverMessage }, strings, locale);
}

/** One sentence for `count` files refused for the same reason (`context` is the first one's). */
export function describeGroup(
  reason: RejectionReason,
  count: number,
  context: MessageContext,
  strings: MmsMediaUploadStrings,
  locale?: string,
): string {
  const key = GROUP_SENTENCES[reason];
  return strings[key](sentenceArgs(key, context, count, strings, locale));
}

function sentenceArgs(key: SentenceKey, context: MessageContext, count: number, strings: MmsMediaUploadStrings, locale?: string): SentenceArgs {
  const { name, size, limits, status = 0, serverMessage = '', seconds = 0 } = context;
  const bytes = (value: number) => formatSize(value, locale, { units: strings.sizeUnits });
  const totalLimit = key === 'totalTooLarge' || key === 'totalTooLargeGroup';
  return {
    name: visibleName(name),
    count,
    size: size === undefined ? '' : formatSizeOverLimit(size, limits.maxFileSize, locale, strings.sizeUnits),
    // The limit that refused the file: the message's total, or the size of one file.
    limit: bytes(totalLimit ? (limits.maxTotalSize ?? 0) : limits.maxFileSize),
    maxFiles: limits.maxFiles,
    types: formatTypes(limits.accept, strings.typeNames, locale),
    status,
    message: serverMessage,
    seconds,
  };
}
