import { expect } from '@open-wc/testing';
import { readMediaResult, readServerMessage, UploadFailure, type ResponseLike } from '../../src/response.js';

/** POSTs a small multipart file to a loopback mock endpoint and resolves with the finished XHR. */
function upload(kind: string): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])], 'photo.png', { type: 'image/png' }));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(kind));
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new Error(`network error for ${kind}`));
    xhr.send(form);
  });
}

/** Relative to the page, as an element attribute would usually give it. */
function uploadUrl(kind: string): string {
  return `/mock/upload/${kind}`;
}

/** A literal response; header names are matched case-insensitively like XHR does. */
function fake(status: number, responseText: string, headers: Record<string, string> = {}): ResponseLike {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status, responseText, getResponseHeader: (name) => lower.get(name.toLowerCase()) ?? null };
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const XML_TYPE = { 'Content-Type': 'text/xml' };
const TEXT_TYPE = { 'Content-Type': 'text/plain; charset=utf-8' };
const HTML_TYPE = { 'Content-Type': 'text/html; charset=utf-8' };
const API = 'https://api.example.test/v1/upload/';

/** The UploadFailure that `read` throws; fails the test when it returns instead. */
function failureOf(read: () => unknown): UploadFailure {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(UploadFailure);
    return error as UploadFailure;
  }
  expect.fail('expected an UploadFailure');
}

/** Runs `body` as if in Node: no DOMParser, so the regex XML reader does the work. */
function withoutDomParser<T>(body: () => T): T {
  const saved = globalThis.DOMParser;
  (globalThis as { DOMParser?: unknown }).DOMParser = undefined;
  try {
    return body();
  } finally {
    globalThis.DOMParser = saved;
  }
}

describe('response: real uploads to the mock endpoints', () => {
  it('reads the Acrobits JSON media_url', async () => {
    const xhr = await upload('acrobits-json');
    expect(xhr.status).to.equal(200);
    expect(readMediaResult(xhr, uploadUrl('acrobits-json'))).to.deep.equal({ mediaUrl: 'http://media.server.com/photo.png' });
  });

  it('reads the Acrobits XML media_url', async () => {
    const xhr = await upload('acrobits-xml');
    expect(readMediaResult(xhr, uploadUrl('acrobits-xml'))).to.deep.equal({
      mediaUrl: 'http://media.server.com/video_1234567890.mp4',
    });
  });

  it('reads the Acrobits XML <message> of a 402', async () => {
    const xhr = await upload('acrobits-402');
    expect(readServerMessage(xhr)).to.equal('Not enough credit');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('acrobits-402')));
    expect(failure.reason).to.equal('server-message');
    expect(failure.status).to.equal(402);
    expect(failure.serverMessage).to.equal('Not enough credit');
    expect(failure.message).to.equal('Not enough credit');
  });

  it('reads the Plivo objects[0] media_url and media_id', async () => {
    const xhr = await upload('plivo');
    expect(readMediaResult(xhr, uploadUrl('plivo'))).to.deep.equal({
      mediaUrl: 'https://media.plivo.com/Account/MAXXXX/Media/801c2056-33ab-499c-80ef-58b574a462a2',
      mediaId: '801c2056-33ab-499c-80ef-58b574a462a2',
    });
  });

  it('reads the OpenMarket Location of a 201 with an empty body', async () => {
    const xhr = await upload('openmarket');
    expect(xhr.status).to.equal(201);
    expect(xhr.responseText).to.equal('');
    expect(readMediaResult(xhr, uploadUrl('openmarket'))).to.deep.equal({
      mediaUrl: 'https://s3-us-west-1.amazonaws.com/openmarket-us-west-1-rcs-cms-uploads-test/f6ee3cb/d192591a',
    });
  });

  it("joins OpenMarket's invalidReasons of a 400", async () => {
    const xhr = await upload('openmarket-400');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('openmarket-400')));
    expect(failure.reason).to.equal('server-message');
    expect(failure.status).to.equal(400);
    expect(failure.serverMessage).to.equal('Missing IDS account ID; Supplied file size does not match content');
  });

  it('resolves a relative Location against the page-relative upload URL', async () => {
    const xhr = await upload('relative-location');
    expect(readMediaResult(xhr, uploadUrl('relative-location'))).to.deep.equal({
      mediaUrl: `${location.origin}/media/abc123`,
    });
  });

  it('resolves a relative JSON media_url against the upload URL', async () => {
    const xhr = await upload('relative-json');
    expect(readMediaResult(xhr, uploadUrl('relative-json'))).to.deep.equal({
      mediaUrl: `${location.origin}/mock/upload/files/rel.png`,
    });
    expect(readMediaResult(xhr, API).mediaUrl).to.equal('https://api.example.test/v1/upload/files/rel.png');
  });

  it('refuses a javascript: media URL', async () => {
    const xhr = await upload('javascript-url');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('javascript-url')));
    expect(failure.reason).to.equal('unsafe-url');
    expect(failure.status).to.equal(200);
    expect(failure.serverMessage).to.equal(undefined);
  });

  it('fails a 2xx without a media URL as no-media-url', async () => {
    const xhr = await upload('no-url');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('no-url')));
    expect(failure.reason).to.equal('no-media-url');
    expect(failure.status).to.equal(200);
  });

  it('reads media_url with media_id', async () => {
    const xhr = await upload('media-url-and-id');
    expect(readMediaResult(xhr, uploadUrl('media-url-and-id'))).to.deep.equal({
      mediaUrl: 'https://cdn.example.test/m/42.png',
      mediaId: '42',
    });
  });

  it('gives no server message for an HTML 502 page', async () => {
    const xhr = await upload('html-502');
    expect(readServerMessage(xhr)).to.equal(undefined);
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('html-502')));
    expect(failure.reason).to.equal('bad-status');
    expect(failure.status).to.equal(502);
    expect(failure.serverMessage).to.equal(undefined);
  });

  it('keeps markup in a JSON message as literal text', async () => {
    const xhr = await upload('html-message');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('html-message')));
    expect(failure.reason).to.equal('server-message');
    expect(failure.status).to.equal(400);
    expect(failure.serverMessage).to.equal('<img src=x onerror="window.__pwned=true">bad file');
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('reads a short text/plain body as the message', async () => {
    const xhr = await upload('text-400');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('text-400')));
    expect(failure.reason).to.equal('server-message');
    expect(failure.status).to.equal(400);
    expect(failure.serverMessage).to.equal('File type not supported by carrier');
  });

  it('reads error.message of a 422', async () => {
    const xhr = await upload('json-error-object');
    const failure = failureOf(() => readMediaResult(xhr, uploadUrl('json-error-object')));
    expect(failure.reason).to.equal('server-message');
    expect(failure.status).to.equal(422);
    expect(failure.serverMessage).to.equal('Media is corrupt');
  });

  it('reads the message of a 403 and a 500', async () => {
    const [xhr403, xhr500] = await Promise.all([upload('forbidden'), upload('always-500')]);
    const forbidden = failureOf(() => readMediaResult(xhr403, uploadUrl('forbidden')));
    expect([forbidden.reason, forbidden.status, forbidden.serverMessage]).to.deep.equal(['server-message', 403, 'Not allowed']);
    const down = failureOf(() => readMediaResult(xhr500, uploadUrl('always-500')));
    expect([down.reason, down.status, down.serverMessage]).to.deep.equal(['server-message', 500, 'Storage is down']);
  });
});

describe('response: media URL edge cases', () => {
  it('skips a byte-order mark before JSON', () => {
    const response = fake(200, '\uFEFF{"media_url":"https://cdn.example.test/a.png"}', JSON_TYPE);
    expect(readMediaResult(response, API)).to.deep.equal({ mediaUrl: 'https://cdn.example.test/a.png' });
  });

  it('tries JSON whatever the content type says when the body starts with {', () => {
    expect(readMediaResult(fake(200, '{"media_url":"https://cdn.example.test/b.png"}', HTML_TYPE), API).mediaUrl).to.equal(
      'https://cdn.example.test/b.png',
    );
    expect(readMediaResult(fake(200, ' {"media_url":"https://cdn.example.test/c.png"}'), API).mediaUrl).to.equal(
      'https://cdn.example.test/c.png',
    );
  });

  it('takes the first Plivo object with a string media_url, and its own media_id', () => {
    const body = JSON.stringify({
      objects: [
        { media_id: 'skipped', status: 'error', media_url: null },
        'garbage',
        { media_id: 'second', media_url: 'https://media.plivo.com/Account/A/Media/second' },
        { media_id: 'third', media_url: 'https://media.plivo.com/Account/A/Media/third' },
      ],
    });
    expect(readMediaResult(fake(200, body, JSON_TYPE), API)).to.deep.equal({
      mediaUrl: 'https://media.plivo.com/Account/A/Media/second',
      mediaId: 'second',
    });
  });

  it('reads mediaUrl / url and stringifies numeric ids', () => {
    expect(readMediaResult(fake(200, '{"mediaUrl":"https://cdn.example.test/1.png","mediaId":7}', JSON_TYPE), API)).to.deep.equal({
      mediaUrl: 'https://cdn.example.test/1.png',
      mediaId: '7',
    });
    expect(readMediaResult(fake(200, '{"url":"https://cdn.example.test/2.png","id":"abc"}', JSON_TYPE), API)).to.deep.equal({
      mediaUrl: 'https://cdn.example.test/2.png',
      mediaId: 'abc',
    });
    expect(readMediaResult(fake(200, '{"media_url":"https://cdn.example.test/3.png","id":{"x":1}}', JSON_TYPE), API)).to.deep.equal({
      mediaUrl: 'https://cdn.example.test/3.png',
    });
  });

  it('prefers media_url over mediaUrl and url', () => {
    const body = '{"url":"https://a.test/url","mediaUrl":"https://a.test/camel","media_url":"https://a.test/snake"}';
    expect(readMediaResult(fake(200, body, JSON_TYPE), API).mediaUrl).to.equal('https://a.test/snake');
  });

  it('decodes XML entities and CDATA in <media_url>', () => {
    const xml = '<?xml version="1.0"?><response><media_url> http://m.test/v.mp4?a=1&amp;b=&#50; </media_url></response>';
    expect(readMediaResult(fake(200, xml, XML_TYPE), API).mediaUrl).to.equal('http://m.test/v.mp4?a=1&b=2');
    const cdata = '<response><media_url><![CDATA[http://m.test/c.mp4?a=1&b=2]]></media_url></response>';
    expect(readMediaResult(fake(200, cdata), API).mediaUrl).to.equal('http://m.test/c.mp4?a=1&b=2');
  });

  it('refuses javascript: in a 2xx XML <media_url>, even when spelled with entities', () => {
    const plain = failureOf(() => readMediaResult(fake(200, '<response><media_url>javascript:alert(1)</media_url></response>', XML_TYPE), API));
    expect([plain.reason, plain.status]).to.deep.equal(['unsafe-url', 200]);
    const encoded = '<response><media_url>&#106;ava&#x73;cript:alert(1)</media_url></response>';
    const tricky = failureOf(() => readMediaResult(fake(200, encoded, XML_TYPE), API));
    expect(tricky.reason).to.equal('unsafe-url');
  });

  it('refuses data:, blob:, other schemes and unparsable URLs', () => {
    const urls = [
      'data:text/html,<script>alert(1)</script>',
      'blob:https://app.example.test/0b1e0c6a',
      'ftp://files.example.test/a.png',
      'java\tscript:alert(1)',
      'http://[not-an-ip/',
    ];
    for (const url of urls) {
      const failure = failureOf(() => readMediaResult(fake(201, JSON.stringify({ media_url: url }), JSON_TYPE), API));
      expect([url, failure.reason, failure.status]).to.deep.equal([url, 'unsafe-url', 201]);
    }
  });

  it('refuses an unsafe Location of a 201', () => {
    const failure = failureOf(() => readMediaResult(fake(201, '', { Location: 'javascript:alert(1)' }), API));
    expect([failure.reason, failure.status]).to.deep.equal(['unsafe-url', 201]);
  });

  it('resolves relative and protocol-relative URLs against an absolute upload URL', () => {
    expect(readMediaResult(fake(201, '', { Location: '../media/9' }), API).mediaUrl).to.equal('https://api.example.test/v1/media/9');
    expect(readMediaResult(fake(200, '{"media_url":"//cdn.example.test/x.png"}', JSON_TYPE), API).mediaUrl).to.equal(
      'https://cdn.example.test/x.png',
    );
  });

  it('prefers a media URL in the body over a Location header', () => {
    const response = fake(201, '{"media_url":"https://cdn.example.test/body.png"}', { ...JSON_TYPE, Location: '/api/media/1' });
    expect(readMediaResult(response, API).mediaUrl).to.equal('https://cdn.example.test/body.png');
  });

  it('only reads Location on a 201', () => {
    const failure = failureOf(() => readMediaResult(fake(200, '', { Location: 'https://cdn.example.test/x.png' }), API));
    expect([failure.reason, failure.status]).to.deep.equal(['no-media-url', 200]);
  });

  it('fails blank, non-string and array-wrapped media URLs as no-media-url', () => {
    const bodies = ['{"media_url":""}', '{"media_url":"   "}', '{"media_url":42}', '[{"media_url":"https://a.test/x"}]', '{"objects":[]}', 'not json', '<response></response>', ''];
    for (const body of bodies) {
      const failure = failureOf(() => readMediaResult(fake(200, body, JSON_TYPE), API));
      expect([body, failure.reason]).to.deep.equal([body, 'no-media-url']);
    }
  });

  it('ignores <media_url> in an HTML page and in malformed XML', () => {
    const html = '<response><media_url>https://a.test/x</media_url></response>';
    expect(failureOf(() => readMediaResult(fake(200, html, HTML_TYPE), API)).reason).to.equal('no-media-url');
    const broken = '<response><media_url>https://a.test/x</media_url>';
    expect(failureOf(() => readMediaResult(fake(200, broken, XML_TYPE), API)).reason).to.equal('no-media-url');
  });

  it('treats status 0 as no response at all', () => {
    const failure = failureOf(() => readMediaResult(fake(0, ''), API));
    expect(failure.reason).to.equal('bad-status');
    expect(failure.status).to.equal(undefined);
  });
});

describe('response: server messages', () => {
  it('reads error as a string and as { message }', () => {
    expect(readServerMessage(fake(400, '{"api_id":"x","error":"file too large"}', JSON_TYPE))).to.equal('file too large');
    expect(readServerMessage(fake(422, '{"error":{"code":7,"message":"Media is corrupt"}}', JSON_TYPE))).to.equal('Media is corrupt');
    expect(readServerMessage(fake(422, '{"error":{"code":7}}', JSON_TYPE))).to.equal(undefined);
  });

  it('reads errors[0].message / detail and problem+json detail', () => {
    expect(readServerMessage(fake(400, '{"errors":[{"message":"first"},{"message":"second"}]}', JSON_TYPE))).to.equal('first');
    expect(readServerMessage(fake(400, '{"errors":[{"detail":"only detail"}]}', JSON_TYPE))).to.equal('only detail');
    expect(readServerMessage(fake(400, '{"title":"Bad","detail":"Too big"}', { 'Content-Type': 'application/problem+json' }))).to.equal(
      'Too big',
    );
  });

  it('prefers message over the other fields', () => {
    expect(readServerMessage(fake(400, '{"error":"e","message":"m","invalidReasons":["r"]}', JSON_TYPE))).to.equal('m');
  });

  it('decodes XML entities in <message> without interpreting markup', () => {
    const xml = '<response><message>Too big &amp; &lt;b&gt;bold&lt;/b&gt; &#x263A; &#9731;</message></response>';
    expect(readServerMessage(fake(402, xml, XML_TYPE))).to.equal('Too big & <b>bold</b> ☺ ☃');
  });

  it('reads XML from a text/plain body that starts like Acrobits XML, but never from text/html', () => {
    const xml = '<response><message>Not enough credit</message></response>';
    expect(readServerMessage(fake(402, xml, TEXT_TYPE))).to.equal('Not enough credit');
    expect(readServerMessage(fake(402, `<?xml version="1.0"?>${xml}`))).to.equal('Not enough credit');
    expect(readServerMessage(fake(402, xml, HTML_TYPE))).to.equal(undefined);
  });

  it('gives no message for malformed XML', () => {
    expect(readServerMessage(fake(402, '<response><message>Oops</response>', XML_TYPE))).to.equal(undefined);
  });

  it('gives no message for HTML or markup-looking bodies', () => {
    expect(readServerMessage(fake(502, '<!DOCTYPE html><html><body>Bad gateway</body></html>', TEXT_TYPE))).to.equal(undefined);
    expect(readServerMessage(fake(400, '<img src=x onerror=alert(1)>bad file', TEXT_TYPE))).to.equal(undefined);
    expect(readServerMessage(fake(502, 'Bad gateway', HTML_TYPE))).to.equal(undefined);
    expect(readServerMessage(fake(502, '<html><body>x</body></html>'))).to.equal(undefined);
  });

  it('reads only short single-paragraph text/plain bodies', () => {
    expect(readServerMessage(fake(400, '  File type\n not supported  ', TEXT_TYPE))).to.equal('File type not supported');
    expect(readServerMessage(fake(400, 'x'.repeat(300), TEXT_TYPE))).to.equal('x'.repeat(300));
    expect(readServerMessage(fake(500, 'x'.repeat(301), TEXT_TYPE))).to.equal(undefined);
    expect(readServerMessage(fake(500, 'Traceback:\n\n  at line 1', TEXT_TYPE))).to.equal(undefined);
    expect(readServerMessage(fake(500, 'No content type at all'))).to.equal(undefined);
    const long = failureOf(() => readMediaResult(fake(500, 'Stack trace '.repeat(40), TEXT_TYPE), API));
    expect([long.reason, long.status, long.serverMessage]).to.deep.equal(['bad-status', 500, undefined]);
  });

  it('collapses whitespace and control characters', () => {
    expect(readServerMessage(fake(400, '{"message":"  Too\\n\\n big\\t\\u0000 file  "}', JSON_TYPE))).to.equal('Too big file');
    expect(readServerMessage(fake(400, '{"message":"  \\n "}', JSON_TYPE))).to.equal(undefined);
  });

  it('caps long messages at 500 characters', () => {
    const message = readServerMessage(fake(400, JSON.stringify({ message: 'a'.repeat(2000) }), JSON_TYPE));
    expect(message).to.have.length(500);
    expect(message).to.equal(`${'a'.repeat(499)}…`);
    const emoji = readServerMessage(fake(400, JSON.stringify({ message: '😀'.repeat(600) }), JSON_TYPE));
    expect(Array.from(emoji ?? '')).to.have.length(500);
    expect(emoji?.endsWith('😀…')).to.equal(true);
  });

  it('keeps markup in a message as the literal string', () => {
    const body = JSON.stringify({ message: '<img src=x onerror="window.__pwned2=true">bad file' });
    const failure = failureOf(() => readMediaResult(fake(400, body, JSON_TYPE), API));
    expect(failure.serverMessage).to.equal('<img src=x onerror="window.__pwned2=true">bad file');
    expect(failure.message).to.equal(failure.serverMessage);
    expect((window as { __pwned2?: boolean }).__pwned2).to.equal(undefined);
  });

  it('gives bad-status for a JSON error without a usable message', () => {
    const failure = failureOf(() => readMediaResult(fake(500, '{"message":42,"invalidReasons":[],"valid":false}', JSON_TYPE), API));
    expect([failure.reason, failure.status, failure.serverMessage]).to.deep.equal(['bad-status', 500, undefined]);
    expect(failure.message).to.be.a('string').and.not.equal('');
  });
});

describe('response: without DOMParser (the Node fallback)', () => {
  it('reads <media_url> with entities and CDATA', () => {
    withoutDomParser(() => {
      expect(typeof DOMParser).to.equal('undefined');
      const xml = '<?xml version="1.0"?>\n<response>\n  <media_url>http://m.test/v.mp4?a=1&amp;b=&#x32;</media_url>\n</response>';
      expect(readMediaResult(fake(200, xml, XML_TYPE), API).mediaUrl).to.equal('http://m.test/v.mp4?a=1&b=2');
      const cdata = '<response><media_url type="x"><![CDATA[http://m.test/c.mp4?a=1&b=2]]></media_url></response>';
      expect(readMediaResult(fake(200, cdata, XML_TYPE), API).mediaUrl).to.equal('http://m.test/c.mp4?a=1&b=2');
    });
  });

  it('reads <message> with entities, literally', () => {
    withoutDomParser(() => {
      const xml = '<response><message>Too big &amp; &lt;b&gt;bold&lt;/b&gt; &quot;q&quot; &apos;a&apos; &unknown; &#9731;</message></response>';
      expect(readServerMessage(fake(402, xml, XML_TYPE))).to.equal('Too big & <b>bold</b> "q" \'a\' &unknown; ☃');
    });
  });

  it('refuses markup inside the element and unsafe URLs', () => {
    withoutDomParser(() => {
      expect(readServerMessage(fake(402, '<response><message><b>x</b></message></response>', XML_TYPE))).to.equal(undefined);
      expect(readServerMessage(fake(402, '<response><message_x>x</message_x></response>', XML_TYPE))).to.equal(undefined);
      const js = '<response><media_url>javascript:alert(1)</media_url></response>';
      expect(failureOf(() => readMediaResult(fake(200, js, XML_TYPE), API)).reason).to.equal('unsafe-url');
    });
  });
});

describe('response: UploadFailure', () => {
  it('is an Error with a reason, a status and a cleaned server message', () => {
    const failure = new UploadFailure('server-message', { status: 400, serverMessage: '  too\n big ' });
    expect(failure).to.be.instanceOf(Error);
    expect(failure.name).to.equal('UploadFailure');
    expect([failure.reason, failure.status, failure.serverMessage, failure.message]).to.deep.equal([
      'server-message',
      400,
      'too big',
      'too big',
    ]);
    const bare = new UploadFailure('no-media-url');
    expect([bare.reason, bare.status, bare.serverMessage]).to.deep.equal(['no-media-url', undefined, undefined]);
    expect(bare.message).to.contain('media URL');
  });
});
