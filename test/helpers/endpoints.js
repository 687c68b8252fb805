// Loopback upload endpoints for the browser tests, served by the test runner itself.
// Each `/mock/upload/<reply>` answers the way one seed document says its server does, and
// every request is recorded (headers, fields, the file part) for the tests to read back at
// `/mock/requests`. `/mock/sign` is a signature endpoint that issues numbered signatures.
import busboy from 'busboy';
import { Readable } from 'node:stream';

const log = [];
/** The bytes of every uploaded file, in the order they came: `GET /mock/file/<n>` gives them back. */
const received = [];
let signatureCount = 0;
const seenBySlowStart = new Map();
const seenByInProgress = new Set();

function readMultipart(req) {
  return new Promise((resolve) => {
    const record = { method: req.method, url: req.url, headers: req.headers, fields: {}, files: [] };
    let parser;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8' });
    } catch {
      req.resume();
      req.on('end', () => resolve(record));
      return;
    }
    parser.on('field', (name, value) => {
      record.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        received.push(bytes);
        record.files.push({
          index: received.length - 1,
          field: name,
          filename: info.filename,
          type: info.mimeType,
          size: bytes.length,
          head: bytes.subarray(0, 16).toString('hex'),
        });
      });
    });
    parser.on('close', () => resolve(record));
    parser.on('error', () => resolve(record));
    req.pipe(parser);
  });
}

function send(ctx, status, body, type, headers = {}) {
  ctx.status = status;
  if (type) ctx.type = type;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.body = body;
}

const replies = {
  // Acrobits generic web service, JSON (PUT example in the seed).
  'acrobits-json': (ctx, rec) =>
    send(ctx, 200, JSON.stringify({ media_url: `http://media.server.com/${encodeURIComponent(rec.files[0]?.filename ?? 'x')}` }), 'application/json'),
  // Acrobits generic web service, XML (POST example in the seed).
  'acrobits-xml': (ctx) =>
    send(ctx, 200, '<response><media_url>http://media.server.com/video_1234567890.mp4</media_url></response>', 'text/xml'),
  'acrobits-402': (ctx) => send(ctx, 402, '<response><message>Not enough credit</message></response>', 'text/xml'),
  // Plivo Upload Media: 200 with objects[].
  plivo: (ctx, rec) =>
    send(ctx, 200, JSON.stringify({
      api_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      objects: [{
        content_type: rec.files[0]?.type,
        file_name: rec.files[0]?.filename,
        media_id: '801c2056-33ab-499c-80ef-58b574a462a2',
        size: rec.files[0]?.size,
        status: 'success',
        status_code: 201,
        upload_time: '2021-02-17T07:16:09.153289Z',
        media_url: 'https://media.plivo.com/Account/MAXXXX/Media/801c2056-33ab-499c-80ef-58b574a462a2',
      }],
    }), 'application/json'),
  // OpenMarket CMS v1: 201 with the URL in Location, or 400 with invalidReasons.
  openmarket: (ctx) =>
    send(ctx, 201, '', undefined, {
      'X-Request-Id': '053-8a767024-1243-4809-836e-b83896a37b6a',
      Location: 'https://s3-us-west-1.amazonaws.com/openmarket-us-west-1-rcs-cms-uploads-test/f6ee3cb/d192591a',
      'Access-Control-Expose-Headers': 'Location',
    }),
  'openmarket-400': (ctx) =>
    send(ctx, 400, JSON.stringify({
      invalidReasons: ['Missing IDS account ID', 'Supplied file size does not match content'],
      valid: false,
    }), 'application/json'),
  'relative-location': (ctx) => send(ctx, 201, '', undefined, { Location: '/media/abc123' }),
  'relative-json': (ctx) => send(ctx, 200, JSON.stringify({ media_url: 'files/rel.png' }), 'application/json'),
  'javascript-url': (ctx) => send(ctx, 200, JSON.stringify({ media_url: 'javascript:alert(1)' }), 'application/json'),
  'no-url': (ctx) => send(ctx, 200, JSON.stringify({ ok: true }), 'application/json'),
  'media-url-and-id': (ctx) =>
    send(ctx, 200, JSON.stringify({ media_url: 'https://cdn.example.test/m/42.png', media_id: '42' }), 'application/json'),
  'html-502': (ctx) =>
    send(ctx, 502, '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>', 'text/html'),
  'html-message': (ctx) =>
    send(ctx, 400, JSON.stringify({ message: '<img src=x onerror="window.__pwned=true">bad file' }), 'application/json'),
  'text-400': (ctx) => send(ctx, 400, 'File type not supported by carrier', 'text/plain'),
  'json-error-object': (ctx) => send(ctx, 422, JSON.stringify({ error: { message: 'Media is corrupt' } }), 'application/json'),
  'forbidden': (ctx) => send(ctx, 403, JSON.stringify({ message: 'Not allowed' }), 'application/json'),
  'always-500': (ctx) => send(ctx, 500, JSON.stringify({ message: 'Storage is down' }), 'application/json'),
  // 503 with Retry-After for the first request of each file name, then success.
  'busy-once': (ctx, rec) => {
    const name = rec.files[0]?.filename ?? '';
    if (!seenBySlowStart.has(name)) {
      seenBySlowStart.set(name, true);
      return send(ctx, 503, JSON.stringify({ message: 'Busy' }), 'application/json', { 'Retry-After': '1' });
    }
    return replies['acrobits-json'](ctx, rec);
  },
  // The proxy's own refusals: a code, an English message, and the limit that refused the file.
  'code-415': (ctx) =>
    send(ctx, 415, JSON.stringify({
      code: 'type-not-allowed',
      message: 'photo.jpg (JPEG) is not an allowed type; allowed: PNG, PDF',
      accept: ['image/png', 'application/pdf'],
    }), 'application/json'),
  'code-413': (ctx) =>
    send(ctx, 413, JSON.stringify({ code: 'file-too-large', message: 'photo.jpg is larger than 1 MB', maxFileSize: 1_048_576 }), 'application/json'),
  'code-provider-failed': (ctx) =>
    send(ctx, 502, JSON.stringify({ code: 'provider-failed', message: 'Plivo refused the upload (HTTP 400): Invalid account' }), 'application/json'),
  'code-unknown': (ctx) =>
    send(ctx, 400, JSON.stringify({ code: 'quota-exceeded', message: 'Your monthly media quota is used up' }), 'application/json'),
  // 409 in-progress for the first request of each file name (an earlier attempt still being stored), then success.
  'in-progress-once': (ctx, rec) => {
    const name = rec.files[0]?.filename ?? '';
    if (!seenByInProgress.has(name)) {
      seenByInProgress.add(name);
      return send(ctx, 409, JSON.stringify({ code: 'in-progress', message: 'An earlier attempt is still running.' }), 'application/json');
    }
    return replies['acrobits-json'](ctx, rec);
  },
  // Takes a while to answer, as a provider behind a proxy does.
  slow: async (ctx, rec) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return replies['acrobits-json'](ctx, rec);
  },
  // Answers slowly but steadily, as a provider streaming its answer does: the JSON comes in
  // pieces 150 ms apart, about a second in all. Each piece is progress, so it is no stall.
  drip: (ctx, rec) => {
    const answer = JSON.stringify({ media_url: `http://media.server.com/${encodeURIComponent(rec.files[0]?.filename ?? 'x')}` });
    const pieces = [...Array.from({ length: 6 }, () => ' '.repeat(64)), answer];
    async function* dripped() {
      for (const piece of pieces) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        yield piece;
      }
    }
    send(ctx, 200, Readable.from(dripped()), 'application/json');
  },
  // A 409 without the in-progress code is a plain refusal.
  'conflict': (ctx) => send(ctx, 409, JSON.stringify({ message: 'Conflict' }), 'application/json'),
  // 401 unless the request carries the newest signature issued by /mock/sign.
  signed: (ctx, rec) => {
    const expected = `sig-${signatureCount}`;
    if (rec.headers['x-signature'] !== expected || rec.fields.token !== `token-${signatureCount}`) {
      return send(ctx, 401, JSON.stringify({ message: 'Signature expired' }), 'application/json');
    }
    return replies['acrobits-json'](ctx, rec);
  },
};

export function mockEndpoints() {
  return [
    async (ctx, next) => {
      const path = ctx.path;
      if (!path.startsWith('/mock/')) return next();

      const file = /^\/mock\/file\/(\d+)$/.exec(path);
      if (file) return received[Number(file[1])] ? send(ctx, 200, received[Number(file[1])], 'application/octet-stream') : send(ctx, 404, '');
      if (path === '/mock/requests') {
        return send(ctx, 200, JSON.stringify(log), 'application/json');
      }
      if (path === '/mock/reset') {
        log.length = 0;
        received.length = 0;
        signatureCount = 0;
        seenBySlowStart.clear();
        seenByInProgress.clear();
        return send(ctx, 204, '');
      }
      // A plain HTML form posts here; the page it gets back shows what the server read.
      if (path === '/mock/form-post') {
        const body = await new Promise((resolve) => {
          let text = '';
          ctx.req.setEncoding('utf8');
          ctx.req.on('data', (c) => (text += c));
          ctx.req.on('end', () => resolve(text));
        });
        const received = {};
        for (const [key, value] of new URLSearchParams(body)) (received[key] ??= []).push(value);
        const escaped = JSON.stringify({ contentType: ctx.get('content-type'), received }).replace(/</g, '\\u003c');
        return send(ctx, 200, `<!doctype html><pre id="received">${escaped}</pre>`, 'text/html');
      }
      if (path === '/mock/sign') {
        const body = await new Promise((resolve) => {
          let text = '';
          ctx.req.on('data', (c) => (text += c));
          ctx.req.on('end', () => resolve(text));
        });
        signatureCount += 1;
        // `ttl` seconds for the first signature, `renewedTtl` (default: the same) for the later ones.
        const ttl = Number((signatureCount > 1 ? ctx.query.renewedTtl : undefined) ?? ctx.query.ttl ?? 300);
        log.push({ method: ctx.method, url: ctx.url, headers: ctx.headers, body: JSON.parse(body || '{}') });
        return send(ctx, 200, JSON.stringify({
          headers: { 'X-Signature': `sig-${signatureCount}` },
          fields: { token: `token-${signatureCount}` },
          expires_at: new Date(Date.now() + ttl * 1000).toISOString(),
        }), 'application/json');
      }

      const match = /^\/mock\/upload\/([\w-]+)$/.exec(path);
      if (!match) return next();
      const kind = match[1];
      if (kind === 'drop') {
        ctx.req.socket.destroy();
        ctx.respond = false;
        return undefined;
      }
      if (kind === 'hang') {
        ctx.req.resume();
        await new Promise((resolve) => ctx.req.socket.once('close', resolve));
        ctx.respond = false;
        return undefined;
      }
      if (kind === 'trickle') {
        // Reads the body slowly (about 2 MB/s), so that an upload lasts and reports its progress many times.
        await new Promise((resolve) => {
          ctx.req.on('data', () => {
            ctx.req.pause();
            setTimeout(() => ctx.req.resume(), 30);
          });
          ctx.req.on('end', resolve);
        });
        return send(ctx, 200, JSON.stringify({ media_url: 'http://media.server.com/trickled' }), 'application/json');
      }
      const rec = await readMultipart(ctx.req);
      log.push(rec);
      const reply = replies[kind];
      if (!reply) return send(ctx, 404, JSON.stringify({ message: `no mock named ${kind}` }), 'application/json');
      return reply(ctx, rec);
    },
  ];
}
