/**
 * `POST|PUT …/upload`, in this order: the signature (before any byte of the body is read), the
 * file (spooled, checked against the token's limits, fingerprinted), the store (a slot of the
 * token's count, or the stored answer of a repeat), the provider, and the store again (keep the
 * answer, or give the key back). The temporary file is removed whatever happens.
 */
import { randomBytes } from 'node:crypto';
import type { Limits } from '../limits.js';
import type { UploadResult } from '../protocol.js';
import { checkFile } from '../validate.js';
import type { BodyPace } from './body-pace.js';
import { jsonResponse } from './errors.js';
import { cleanFileName, decodePartFileName, fileNameForType } from './filename.js';
import { fingerprint, forwardOnce, idempotencyKey, reserveOrWait } from './idempotency.js';
import { intersectLimits } from './intersect-limits.js';
import { removeSpool, spoolUpload, type SpooledFile } from './multipart.js';
import { DEFAULT_TIMEOUT_MS, type MediaProvider } from './provider.js';
import { refusal } from './refusals.js';
import { sniffFile } from './sniff-file.js';
import type { UploadSigner } from './signer.js';
import type { ReserveRequest, UploadStore } from './store.js';
import { CLOCK_SKEW_SECONDS } from './token.js';

export interface UploadRouteOptions {
  signer: UploadSigner;
  /** The proxy's limits (already narrowed to the provider's); the token's apply too. */
  limits: Readonly<Limits>;
  provider: MediaProvider;
  store: UploadStore;
  tmpDir: string;
  /** How long a repeat waits for an attempt with its key that is still running. */
  inProgressWaitMs: number;
  /** How slow the body may be. */
  pace: BodyPace;
}

/** An in-progress reservation outlives the provider call a little, then stops blocking its key (a crashed process). */
const LEASE_MARGIN_MS = 15_000;

/** Sent with a stored answer given again, as other idempotent APIs do. */
const REPLAYED_HEADER = 'Idempotent-Replayed';

/** A file that passed the checks. */
interface CheckedUpload extends SpooledFile {
  /** What its bytes say it is. */
  contentType: string;
  /** Its cleaned name, or "The file", for refusals. */
  displayName: string;
  /** Its name as sent: cleaned, and ending with the extension of `contentType` (`cat.html` holding a GIF → `cat.gif`). */
  uploadName: string;
}

export function uploadRoute(options: UploadRouteOptions): (request: Request) => Promise<Response> {
  const { signer, provider, store } = options;
  const leaseMs = (provider.timeoutMs ?? DEFAULT_TIMEOUT_MS) + LEASE_MARGIN_MS;

  /**
   * Sends the file on. A browser that goes away cancels the call only when nothing can ask for
   * its answer again: an upload with an idempotency key is finished and its answer kept, so that
   * the browser's retry gets it instead of storing the file a second time.
   */
  async function forward(file: CheckedUpload, request: Request, keyed: boolean): Promise<UploadResult> {
    const id = randomBytes(16).toString('base64url');
    const fileName = file.uploadName;
    const result = await provider.upload({
      id,
      path: file.path,
      size: file.size,
      contentType: file.contentType,
      fileName,
      mediaRoute: siblingRoute(request, 'media'),
      signal: keyed ? new AbortController().signal : request.signal,
    });
    const answer: UploadResult = { media_url: result.media_url, media_id: result.media_id ?? id, file_name: fileName, content_type: file.contentType, size: file.size };
    if (result.s3_uri) answer.s3_uri = result.s3_uri;
    return answer;
  }

  return async (request) => {
    const claims = signer.verify(bearerToken(request));
    const key = idempotencyKey(request);
    // The token's limits may be wider than ours (another signer with the same secret): both apply.
    const bound = intersectLimits(claims.limits, options.limits);
    const spooled = await spoolUpload(request, { limits: bound, tmpDir: options.tmpDir, pace: options.pace });
    try {
      const file = await checked(spooled, bound);
      const attempt = randomBytes(16).toString('base64url');
      const reservation: ReserveRequest = {
        tokenId: claims.jti,
        // Without a key the upload is counted like any other, under a key nobody else knows.
        key: key ?? attempt,
        attempt,
        fingerprint: fingerprint(file),
        size: file.size,
        maxFiles: bound.maxFiles,
        maxTotalSize: bound.maxTotalSize,
        expiresAt: (claims.exp + CLOCK_SKEW_SECONDS) * 1000,
        leaseMs,
      };
      const found = await reserveOrWait(store, reservation, { waitMs: options.inProgressWaitMs, signal: request.signal });
      if (found.state === 'done') return jsonResponse(200, found.answer, { [REPLAYED_HEADER]: 'true' });
      if (found.state === 'full') {
        const code = found.limit === 'maxFiles' ? 'too-many-files' : 'total-too-large';
        throw refusal(code, { name: file.displayName, size: file.size }, bound);
      }
      return jsonResponse(200, await forwardOnce(store, reservation, () => forward(file, request, key !== undefined)));
    } finally {
      await removeSpool(spooled.path);
    }
  };
}

/** The file with the type its bytes say, or the refusal of the shared checks. */
async function checked(spooled: SpooledFile, limits: Readonly<Limits>): Promise<CheckedUpload> {
  // From the spooled file, not its head alone: after a long ID3 tag, sniffing reads where the tag ends.
  const type = await sniffFile(spooled.path, spooled.head);
  const sentName = decodePartFileName(spooled.fileName);
  const displayName = cleanFileName(sentName, 'The file');
  const refused = checkFile({ size: spooled.size, type }, limits);
  // checkFile refuses bytes of no known type; the second test only tells TypeScript so.
  if (refused || type === undefined) throw refusal(refused ?? 'type-not-allowed', { name: displayName, size: spooled.size, type }, limits);
  return { ...spooled, contentType: type, displayName, uploadName: fileNameForType(sentName, type) };
}

/** The token from `Authorization: Bearer <token>`, as `sign()` put it in the headers. */
function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** The URL of the route `name` next to this request's route ('https://app.test/api/upload' → 'https://app.test/api/media'). */
function siblingRoute(request: Request, name: string): string {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/$/, '');
  return `${url.origin}${path.slice(0, path.lastIndexOf('/') + 1)}${name}`;
}
