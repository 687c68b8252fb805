// What a new server setup meets first: a missing or short secret is refused at start-up with a
// message that says which and how to make one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMediaProxy, createUploadSigner, localProvider } from '../../src/server/index.js';

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
