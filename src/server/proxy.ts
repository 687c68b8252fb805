/**
 * `createMediaProxy`: a fetch-standard handler that serves, wherever it is mounted,
 * `POST|PUT …/upload` (the signed upload), `POST …/sign` (the signature route) and
 * `GET …/media/{id}` (files of the local provider), matched by the end of the path.
 */
import { tmpdir } from 'node:os';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { DEFAULT_BODY_PACE, type BodyPace } from './body-pace.js';
import { errorResponse, HttpError, jsonResponse, notFoundResponse } from './errors.js';
import { intersectLimits } from './intersect-limits.js';
import { readJsonBody } from './json-body.js';
import type { MediaProvider } from './provider.js';
import { createUploadSigner, type SignFileInfo } from './signer.js';
import { memoryStore, type UploadStore } from './store.js';
import type { Secret } from './token.js';
import { uploadRoute } from './upload-route.js';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Who may get a signature: a subject (user id, session id) or nothing for "not signed in". */
export type Authorize = (request: Request) => string | null | undefined | Promise<string | null | undefined>;

export interface MediaProxyOptions {
  /** The HMAC key shared with the signer, at least 32 bytes. */
  secret: Secret;
  provider: MediaProvider;
  /** Default: the element's defaults. Narrowed to the provider's own limits. */
  limits?: Partial<Limits>;
  /**
   * Enables `POST …/sign`. It may throw an HttpError (e.g. 403). It must not read the body
   * (use `request.clone()` if it has to).
   */
  authorize?: Authorize;
  /** How long signatures from `…/sign` are valid (capped at 3600). Default 300. */
  ttlSeconds?: number;
  /** Where uploads are spooled. Default: the OS temporary directory. */
  tmpDir?: string;
  /**
   * Where each token's uploads are counted and their answers kept for retries with the same
   * `Idempotency-Key`. Default: `memoryStore()`, which serves one process: several processes
   * behind one load balancer need one shared store.
   */
  store?: UploadStore;
  /** How long a repeated upload waits for a still-running attempt with its key before 409 `in-progress`. Default 10 000. */
  inProgressWaitMs?: number;
  /**
   * A request body (upload or signature) that sends nothing for this long is answered 408
   * `upload-too-slow`, its temporary file removed. Default 30 000; 0 for no limit.
   */
  bodyIdleTimeoutMs?: number;
  /** …and so is one slower than this, in bytes per second averaged over `bodyRateWindowMs`. Default 1024; 0 for no limit. */
  minBodyBytesPerSecond?: number;
  /** The window of `minBodyBytesPerSecond`, in milliseconds. Default 60 000. */
  bodyRateWindowMs?: number;
}

/** What the browser gets for a stored file (the Acrobits generic web-service contract). */
export type { UploadResult } from '../protocol.js';

const MAX_SIGN_BODY_BYTES = 64 * 1024;
const DEFAULT_IN_PROGRESS_WAIT_MS = 10_000;

export function createMediaProxy(options: MediaProxyOptions): FetchHandler {
  const { provider } = options;
  const limits = intersectLimits({ ...DEFAULT_LIMITS, ...options.limits }, provider.limits);
  const pace: BodyPace = {
    idleTimeoutMs: options.bodyIdleTimeoutMs ?? DEFAULT_BODY_PACE.idleTimeoutMs,
    minBytesPerSecond: options.minBodyBytesPerSecond ?? DEFAULT_BODY_PACE.minBytesPerSecond,
    rateWindowMs: options.bodyRateWindowMs ?? DEFAULT_BODY_PACE.rateWindowMs,
  };
  const signer = createUploadSigner({ secret: options.secret, ttlSeconds: options.ttlSeconds, limits });
  const upload = uploadRoute({
    signer,
    limits,
    provider,
    store: options.store ?? memoryStore(),
    tmpDir: options.tmpDir ?? tmpdir(),
    inProgressWaitMs: options.inProgressWaitMs ?? DEFAULT_IN_PROGRESS_WAIT_MS,
    pace,
  });

  async function sign(request: Request, authorize: Authorize): Promise<Response> {
    const subject = await authorize(request);
    if (!subject) throw new HttpError(401, 'not-signed-in', 'Sign in to attach files.');
    const body = await readJsonBody(request, MAX_SIGN_BODY_BYTES, pace);
    const files = (body as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) throw new HttpError(400, 'bad-request', 'Expected { "files": [{ "name", "size", "type" }] }.');
    return jsonResponse(200, signer.sign({ subject, files: files as SignFileInfo[] }));
  }

  return async (request) => {
    try {
      const segments = new URL(request.url).pathname.replace(/\/$/, '').split('/');
      const last = segments.at(-1);
      if (last === 'upload') return await only(['POST', 'PUT'], request, upload);
      if (last === 'sign') {
        const { authorize } = options;
        if (!authorize) throw new HttpError(404, 'not-found', 'The signature route is not enabled on this server.');
        return await only(['POST'], request, (r) => sign(r, authorize));
      }
      const { serve } = provider;
      if (segments.at(-2) === 'media' && last && serve) {
        return await only(['GET', 'HEAD'], request, (r) => serve.call(provider, safeDecode(last), r));
      }
      return notFoundResponse();
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function only(methods: string[], request: Request, route: FetchHandler): Promise<Response> {
  if (!methods.includes(request.method)) {
    return new HttpError(405, 'method-not-allowed', `Use ${methods.join(' or ')} here.`, {}, { headers: { Allow: methods.join(', ') } }).toResponse();
  }
  return route(request);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
