/**
 * `createMediaProxy`: a fetch-standard handler that serves, wherever it is mounted,
 * `POST|PUT …/upload` (the signed upload), `POST …/sign` (the signature route) and
 * `GET …/media/{id}` (files of the local provider), matched by the end of the path.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { sniffType } from '../sniff.js';
import { checkFile } from '../validate.js';
import { errorResponse, HttpError, jsonResponse, notFoundResponse } from './errors.js';
import { cleanFileName, extensionFor } from './filename.js';
import { readJsonBody } from './json-body.js';
import { removeSpool, spoolUpload, type SpooledFile } from './multipart.js';
import type { MediaProvider } from './provider.js';
import { intersectLimits } from './intersect-limits.js';
import { refusal } from './refusals.js';
import { createUploadSigner, type SignFileInfo } from './signer.js';
import { CLOCK_SKEW_SECONDS, type Secret } from './token.js';
import { UsageCounter } from './usage.js';

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
}

/** What the browser gets for a stored file (the Acrobits generic web-service contract). */
export interface UploadResult {
  media_url: string;
  media_id: string;
  file_name: string;
  content_type: string;
  size: number;
}

const MAX_SIGN_BODY_BYTES = 64 * 1024;

export function createMediaProxy(options: MediaProxyOptions): FetchHandler {
  const { provider } = options;
  const limits = intersectLimits({ ...DEFAULT_LIMITS, ...options.limits }, provider.limits);
  const signer = createUploadSigner({ secret: options.secret, ttlSeconds: options.ttlSeconds, limits });
  const usage = new UsageCounter();
  const tmpDir = options.tmpDir ?? tmpdir();

  async function upload(request: Request): Promise<Response> {
    // The signature first: an unsigned body is never read.
    const claims = signer.verify(bearerToken(request));
    // The token's limits may be wider than ours (another signer with the same secret): both apply.
    const bound = intersectLimits(claims.limits, limits);
    if (!usage.reserve(claims.jti, bound.maxFiles, (claims.exp + CLOCK_SKEW_SECONDS) * 1000)) {
      throw refusal('too-many-files', { name: 'The file' }, bound);
    }
    let stored = false;
    try {
      const spooled = await spoolUpload(request, { limits: bound, tmpDir });
      try {
        const result = await forward(spooled, bound, request);
        stored = true;
        return jsonResponse(200, result);
      } finally {
        await removeSpool(spooled.path);
      }
    } finally {
      if (!stored) usage.release(claims.jti); // a failed file may be tried again
    }
  }

  async function forward(spooled: SpooledFile, bound: Limits, request: Request): Promise<UploadResult> {
    const type = sniffType(spooled.head);
    const refused = checkFile({ size: spooled.size, type }, bound);
    if (refused || type === undefined) {
      throw refusal(refused ?? 'type-not-allowed', { name: cleanFileName(spooled.fileName, 'The file'), size: spooled.size, type }, bound);
    }
    const fileName = cleanFileName(spooled.fileName, `file${extensionFor(type)}`);
    const id = randomBytes(16).toString('base64url');
    const result = await provider.upload({
      id,
      path: spooled.path,
      size: spooled.size,
      contentType: type,
      fileName,
      mediaRoute: siblingRoute(request, 'media'),
      signal: request.signal,
    });
    return { media_url: result.media_url, media_id: result.media_id ?? id, file_name: fileName, content_type: type, size: spooled.size };
  }

  async function sign(request: Request, authorize: Authorize): Promise<Response> {
    const subject = await authorize(request);
    if (!subject) throw new HttpError(401, 'not-signed-in', 'Sign in to attach files.');
    const body = await readJsonBody(request, MAX_SIGN_BODY_BYTES);
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

/** The token from `Authorization: Bearer <token>`, as `sign()` put it in the headers. */
function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** The path of the route `name` next to this request's route ('/api/upload' → '/api/media'). */
function siblingRoute(request: Request, name: string): string {
  const path = new URL(request.url).pathname.replace(/\/$/, '');
  return `${path.slice(0, path.lastIndexOf('/') + 1)}${name}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
