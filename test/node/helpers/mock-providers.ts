/**
 * Mock providers on 127.0.0.1, written from the seed documents in shared/seeds. Each checks what
 * its document asks for (Basic auth, method, path, field names, content type, size, base64) and
 * answers with the document's success and error bodies. Every request is recorded.
 */
import { randomUUID } from 'node:crypto';
import { listen, type Listening } from './http.js';
import { startMock, type Mock, type MockOptions, type Recorded, type Reply } from './mock-server.js';

export type { Mock, MockOptions, Recorded, RecordedFile, Reply } from './mock-server.js';

/** Accounts to start the mocks with and to give the adapters (the values are masked in messages). */
export const PLIVO = { authId: 'MAXXXXXXXXXXXXXXXXXX', authToken: 'plivo-token-s3cr3t-value' };
export const BANDWIDTH = { accountId: '12345', username: 'bw-user', password: 'bw-password-s3cr3t' };
export const OPENMARKET = { username: 'om-user', password: 'om-password-s3cr3t', idsAccountId: '000-000-115-00842' };

function basicAuthOk(request: Recorded, user: string, password: string): boolean {
  return request.headers.authorization === `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

// ------------------------------------------------------------------------------------ Plivo

/** Valid types per the Media object: JPG, PNG, MP4, GIF, PDF, text. */
const PLIVO_TYPES = new Set(['image/jpeg', 'image/png', 'video/mp4', 'image/gif', 'application/pdf', 'text/plain']);
const MB = 1024 * 1024;

/** Plivo Media API: POST /v1/Account/{auth_id}/Media/, multipart `file` (1–10, 2 MB each), 200 objects[]. */
export function startPlivoMock(authId: string, authToken: string, options?: MockOptions): Promise<Mock> {
  return startMock((request) => {
    const error = (status: number, message: string) => json(status, { api_id: randomUUID(), error: message });
    if (!basicAuthOk(request, authId, authToken)) return error(401, 'Authentication credentials invalid');
    if (request.method !== 'POST' || request.path !== `/v1/Account/${authId}/Media/`) return error(404, 'Not found');
    if (!/^multipart\/form-data; boundary=/.test(request.headers['content-type'] ?? '')) return error(400, 'Content-Type must be multipart/form-data');
    const files = request.files;
    if (files.length === 0 || files.length > 10 || files.some((file) => file.field !== 'file')) return error(400, 'file is required (max 10)');
    for (const file of files) {
      if (file.bytes.length > 2 * MB) return error(400, `${file.filename} exceeds 2MB`);
      if (!PLIVO_TYPES.has(file.type)) return error(400, `${file.type} is not a valid content type`);
    }
    return json(200, {
      api_id: randomUUID(),
      objects: files.map((file) => {
        const mediaId = randomUUID();
        return {
          content_type: file.type,
          file_name: file.filename,
          media_id: mediaId,
          size: file.bytes.length,
          status: 'success',
          status_code: 201,
          upload_time: new Date().toISOString(),
          media_url: `https://media.plivo.com/Account/${authId}/Media/${mediaId}`,
        };
      }),
    });
  }, options);
}

// --------------------------------------------------------------------------------- Bandwidth

/** Bandwidth Media: PUT /api/v2/users/{accountId}/media/{mediaName}, raw bytes, 3.5 MB, 204. */
export function startBandwidthMock(accountId: string, username: string, password: string, options?: MockOptions): Promise<Mock> {
  const prefix = `/api/v2/users/${accountId}/media/`;
  return startMock((request) => {
    const error = (status: number, description: string) => json(status, { type: 'request-validation', description });
    if (!basicAuthOk(request, username, password)) return { status: 401 };
    if (request.method !== 'PUT' || !request.path.startsWith(prefix) || request.path.length === prefix.length) {
      return error(405, 'Use PUT /api/v2/users/{accountId}/media/{mediaName}');
    }
    const type = request.headers['content-type'];
    if (!type || type.startsWith('multipart/')) return error(400, 'Content-Type must be the media type');
    if (Number(request.headers['content-length']) !== request.body.length) return error(400, 'Content-Length does not match the body');
    if (request.body.length > 3.5 * MB) return error(413, 'Media files can be up to 3.5MB');
    return { status: 204 };
  }, options);
}

// -------------------------------------------------------------------------------- OpenMarket

const OPENMARKET_TYPES = new Set(['audio/mpeg', 'application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'video/mpeg', 'video/mp4', 'video/quicktime']);

/**
 * OpenMarket CMS v1: POST /cms/v1/content, JSON { mimeType, idsAccountId, fileSize, content };
 * 201 + Location, 400 { invalidReasons, valid: false }, 401.
 */
export function startOpenMarketMock(username: string, password: string, idsAccountId: string, options?: MockOptions): Promise<Mock> {
  return startMock((request) => {
    if (!basicAuthOk(request, username, password)) return { status: 401, body: 'Unauthorized' };
    if (request.method !== 'POST' || request.path !== '/cms/v1/content') return { status: 404 };
    const reasons: string[] = [];
    if (request.headers['content-type'] !== 'application/json') reasons.push('Content-Type must be application/json');
    if (Number(request.headers['content-length']) !== request.body.length) reasons.push('Content-Length does not match the body');
    let body: { mimeType?: unknown; idsAccountId?: unknown; fileSize?: unknown; content?: unknown } = {};
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      reasons.push('Malformed JSON');
    }
    if (typeof body.mimeType !== 'string' || !OPENMARKET_TYPES.has(body.mimeType)) reasons.push('Unsupported mimeType');
    if (body.idsAccountId !== idsAccountId) reasons.push('Missing IDS account ID');
    const content = typeof body.content === 'string' ? body.content : '';
    // Canonical base64 only: it must survive a decode and re-encode unchanged.
    const decoded = Buffer.from(content, 'base64');
    if (content === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(content) || decoded.toString('base64') !== content) reasons.push('content is not valid base64');
    else if (decoded.length !== body.fileSize) reasons.push('Supplied file size does not match content');
    if (typeof body.fileSize !== 'number' || body.fileSize > 100 * MB) reasons.push('fileSize must be at most 100 MB');
    if (reasons.length > 0) return json(400, { invalidReasons: reasons, valid: false });
    return {
      status: 201,
      headers: {
        'X-Request-Id': `053-${randomUUID()}`,
        Location: `https://s3-us-west-1.amazonaws.com/openmarket-us-west-1-rcs-cms-uploads-test/f6ee3cb/${randomUUID()}`,
      },
    };
  }, options);
}

/** The file an OpenMarket request carried, decoded. */
export function openMarketContent(request: Recorded): Buffer {
  return Buffer.from((JSON.parse(request.body.toString('utf8')) as { content: string }).content, 'base64');
}

// ---------------------------------------------------------------------------------- Acrobits

export interface AcrobitsMockOptions {
  method: 'POST' | 'PUT';
  /** Expected text fields (e.g. password); `from`, the account, must be present. */
  fields: Record<string, string>;
  format: 'json' | 'xml';
}

/**
 * An Acrobits generic media upload service at /upload_media: multipart with the configured fields
 * and a `file` part (image/jpeg or video/mp4); 200 with media_url as JSON or XML; the seed's
 * 402 `<message>Not enough credit</message>` when the account has none (`from` = "broke").
 */
export function startAcrobitsMock(options: AcrobitsMockOptions, reading?: MockOptions): Promise<Mock> {
  return startMock((request) => {
    const fail = (status: number, message: string): Reply =>
      options.format === 'json'
        ? json(status, { message })
        : { status, headers: { 'Content-Type': 'text/xml' }, body: `<response><message>${message}</message></response>` };
    if (request.method !== options.method || request.path.split('?')[0] !== '/upload_media') return fail(405, 'Wrong method or path');
    if (!/^multipart\/form-data/.test(request.headers['content-type'] ?? '')) return fail(400, 'multipart/form-data expected');
    if (!request.fields.from) return fail(400, 'Missing field from');
    for (const [name, value] of Object.entries(options.fields)) {
      if (request.fields[name] !== value) return fail(403, `Bad field ${name}`);
    }
    const file = request.files[0];
    if (request.files.length !== 1 || file?.field !== 'file') return fail(400, 'One file part named file expected');
    if (file.type !== 'image/jpeg' && file.type !== 'video/mp4') return fail(415, 'Either image/jpeg or video/mp4');
    if (request.fields.from === 'broke') {
      return { status: 402, headers: { 'Content-Type': 'text/xml' }, body: '<response><message>Not enough credit</message></response>' };
    }
    const mediaUrl = `http://media.server.com/video_${Date.now()}${file.type === 'video/mp4' ? '.mp4' : '.jpg'}`;
    return options.format === 'json'
      ? json(200, { media_url: mediaUrl })
      : { status: 200, headers: { 'Content-Type': 'text/xml' }, body: `<response><media_url>${mediaUrl}</media_url></response>` };
  }, reading);
}

/** A server that reads requests and never answers. */
export function startHangingServer(): Promise<Listening> {
  return listen((req) => {
    req.resume();
  });
}
