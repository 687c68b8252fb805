// What a new server setup meets first: a missing or short secret is refused at start-up with a
// message that says which and how to make one, and the local provider's media URLs are absolute
// (a messaging provider fetches them from elsewhere), whatever `publicUrl` looks like.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMediaProxy, createUploadSigner, localProvider } from '../../src/server/index.js';
import { gifBytes } from '../helpers/sample-files.js';
import { tempDir, type TempDir } from './helpers/http.js';
import { bearer, json, SECRET, uploadRequest } from './helpers/proxy.js';

const MAKE_ONE = `node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`;

describe('the secret', () => {
  it('is refused when missing, naming the problem and how to make one', () => {
    // What `secret: process.env.UPLOAD_SECRET` gives when the variable is not set, or set to nothing.
    for (const [secret, what] of [
      [undefined, 'undefined'],
      ['', 'an empty string'],
    ] as const) {
      const start = () => createMediaProxy({ secret: secret as unknown as string, provider: localProvider({ dir: 'unused' }) });
      assert.throws(start, { name: 'TypeError', message: `mms-media-upload/server: the secret is missing (${what}): give { secret } a random value of at least 32 bytes, such as an environment variable set to the output of ${MAKE_ONE}` });
    }
  });

  it('is refused when shorter than 32 bytes, with its length', () => {
    assert.throws(() => createUploadSigner({ secret: 'x'.repeat(31) }), {
      message: `mms-media-upload/server: the secret must be at least 32 bytes long; this one has 31. Make one with ${MAKE_ONE}`,
    });
    assert.throws(() => createUploadSigner({ secret: new Uint8Array(16) }), /at least 32 bytes long; this one has 16/);
    assert.throws(() => createUploadSigner({ secret: 42 as unknown as string }), /the secret must be a string or a Uint8Array, not number/);
    assert.doesNotThrow(() => createUploadSigner({ secret: 'x'.repeat(32) }));
  });
});

describe('local media URLs', () => {
  let storage: TempDir;
  let spool: TempDir;
  before(async () => {
    storage = await tempDir('storage');
    spool = await tempDir('spool');
  });
  after(async () => {
    await storage.remove();
    await spool.remove();
  });

  async function mediaUrlWith(publicUrl: string | undefined, uploadUrl: string): Promise<string> {
    const proxy = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: storage.path, publicUrl }), tmpDir: spool.path });
    const request = uploadRequest(bearer(), gifBytes(), 'a.gif', 'image/gif');
    const body = await json(await proxy(new Request(uploadUrl, { method: 'POST', headers: request.headers, body: await request.arrayBuffer() })));
    return String(body.media_url).replace(String(body.media_id), '{id}');
  }

  it('take a relative publicUrl from the origin of the upload request', async () => {
    assert.equal(await mediaUrlWith('/api/media-upload/media', 'https://shop.example/api/media-upload/upload'), 'https://shop.example/api/media-upload/media/{id}');
    assert.equal(await mediaUrlWith('media/', 'http://127.0.0.1:8080/v1/upload'), 'http://127.0.0.1:8080/v1/media/{id}');
  });

  it('keep an absolute publicUrl as it is', async () => {
    assert.equal(await mediaUrlWith('https://cdn.example/files/', 'http://127.0.0.1:8080/api/upload'), 'https://cdn.example/files/{id}');
  });

  it('default to the proxy’s own media route, absolute', async () => {
    assert.equal(await mediaUrlWith(undefined, 'https://shop.example/app/v1/upload'), 'https://shop.example/app/v1/media/{id}');
  });
});
