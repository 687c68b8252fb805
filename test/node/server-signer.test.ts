// Tokens and the signer: what sign() returns, what it refuses, and how tokens are verified.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ACCEPT, MEGABYTE } from '../../src/limits.js';
import type { ErrorCode } from '../../src/protocol.js';
import { HttpError, type RefusedLimit } from '../../src/server/errors.js';
import { CLOCK_SKEW_SECONDS, MAX_TTL_SECONDS, checkSecret, signToken, verifyToken } from '../../src/server/token.js';
import { createUploadSigner } from '../../src/server/index.js';
import { SECRET } from './helpers/proxy.js';

const key = checkSecret(SECRET);

function tokenOf(authorization: string): string {
  return authorization.replace(/^Bearer /, '');
}

function refusal(status: number, code: ErrorCode, pattern: RegExp, limit: RefusedLimit = {}) {
  return (error: unknown) => {
    assert.ok(error instanceof HttpError, `expected an HttpError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    assert.deepEqual(error.body, { code, message: error.message, ...limit });
    return true;
  };
}

describe('createUploadSigner().sign()', () => {
  it('returns exactly the JSON the element expects: a Bearer header and an ISO expiry', () => {
    const before = Date.now();
    const signature = createUploadSigner({ secret: SECRET }).sign({ subject: 'user-1', files: [{ name: 'a.jpg', size: 1000, type: 'image/jpeg' }] });
    assert.deepEqual(Object.keys(signature).sort(), ['expires_at', 'headers']);
    assert.deepEqual(Object.keys(signature.headers), ['Authorization']);
    assert.match(signature.headers.Authorization, /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expiresAt = Date.parse(signature.expires_at);
    assert.equal(new Date(expiresAt).toISOString(), signature.expires_at);
    assert.ok(expiresAt >= before + 299_000 && expiresAt <= Date.now() + 300_000, 'default TTL 300 s');
  });

  it('binds the subject, a random id and the limits into the token', () => {
    const signer = createUploadSigner({ secret: SECRET, limits: { maxFiles: 3 } });
    const files = Array.from({ length: 3 }, (_, i) => ({ name: `${i}.jpg`, size: 2 * MEGABYTE, type: 'image/jpeg' }));
    const a = signer.verify(tokenOf(signer.sign({ subject: 'alice', files }).headers.Authorization));
    const b = signer.verify(tokenOf(signer.sign({ subject: 'alice', files }).headers.Authorization));
    assert.equal(a.sub, 'alice');
    assert.equal(a.limits.maxFiles, 3);
    assert.equal(a.limits.maxFileSize, 2 * MEGABYTE);
    assert.notEqual(a.jti, b.jti);
  });

  it('narrows the token to the files asked for: their count, sizes rounded up to 64 KiB, and type families', () => {
    const signer = createUploadSigner({ secret: SECRET });
    const limitsOf = (files: { name: string; size: number; type: string }[]) => signer.verify(tokenOf(signer.sign({ subject: 'u', files }).headers.Authorization)).limits;
    assert.deepEqual(limitsOf([{ name: 'a.jpg', size: 2000, type: 'image/jpeg' }]), {
      maxFiles: 1,
      maxFileSize: 65_536,
      maxTotalSize: 65_536,
      accept: ['image/jpeg', 'image/png', 'image/gif'],
    });
    assert.deepEqual(
      limitsOf([
        { name: 'a.jpg', size: 2000, type: 'IMAGE/JPEG' },
        { name: 'b.pdf', size: 1_500_000, type: 'application/pdf' },
        { name: 'c.txt', size: 65_536, type: 'text/plain' },
      ]),
      { maxFiles: 3, maxFileSize: 1_507_328, maxTotalSize: 1_572_864, accept: ['image/jpeg', 'image/png', 'image/gif', 'application/pdf', 'text/plain'] },
    );
    // Never wider than the signer's limits.
    assert.equal(limitsOf([{ name: 'a.mp4', size: 2 * MEGABYTE - 1, type: 'video/mp4' }]).maxFileSize, 2 * MEGABYTE);
  });

  it('refuses to sign no file at all, or a file of a wildcard type', () => {
    const signer = createUploadSigner({ secret: SECRET, limits: { accept: ['*/*'] } });
    assert.throws(() => signer.sign({ subject: 'u', files: [] }), refusal(400, 'bad-request', /^List at least one file to sign\.$/));
    assert.throws(() => signer.sign({ subject: 'u', files: [{ name: 'x', size: 10, type: '*/*' }] }), refusal(400, 'type-not-allowed', /not of a type that can be attached/, { accept: ['*/*'] }));
  });

  it('caps the TTL', () => {
    const signer = createUploadSigner({ secret: SECRET, ttlSeconds: 7 * 24 * 3600 });
    assert.equal(signer.ttlSeconds, MAX_TTL_SECONDS);
    const expiresAt = Date.parse(signer.sign({ subject: 'u', files: [{ name: 'a.jpg', size: 10, type: 'image/jpeg' }] }).expires_at);
    assert.ok(expiresAt <= Date.now() + MAX_TTL_SECONDS * 1000);
    assert.throws(() => createUploadSigner({ secret: SECRET, ttlSeconds: 0 }), TypeError);
  });

  it('refuses a short secret', () => {
    assert.throws(() => createUploadSigner({ secret: 'short' }), /at least 32 bytes/);
  });

  it('refuses too many files, too large files and other types with 400', () => {
    const signer = createUploadSigner({ secret: SECRET });
    const file = (name: string, size: number, type: string) => ({ name, size, type });
    const eleven = Array.from({ length: 11 }, (_, i) => file(`${i}.jpg`, 10, 'image/jpeg'));
    assert.throws(() => signer.sign({ subject: 'u', files: eleven }), refusal(400, 'too-many-files', /^10\.jpg: only 10 files can be attached$/, { maxFiles: 10 }));
    assert.throws(() => signer.sign({ subject: 'u', files: [file('big.mp4', 2 * MEGABYTE + 1, 'video/mp4')] }), refusal(400, 'file-too-large', /^big\.mp4 is 2\.01 MB; the limit is 2 MB$/, { maxFileSize: 2 * MEGABYTE }));
    assert.throws(() => signer.sign({ subject: 'u', files: [file('x.svg', 10, 'image/svg+xml')] }), refusal(400, 'type-not-allowed', /x\.svg is a web page or drawing/, { accept: DEFAULT_ACCEPT }));
    assert.throws(() => signer.sign({ subject: 'u', files: [file('x.zip', 10, 'application/zip')] }), refusal(400, 'type-not-allowed', /not an allowed type; allowed: JPEG, PNG, GIF, MP4, PDF,? (and )?text/, { accept: DEFAULT_ACCEPT }));
    assert.throws(() => signer.sign({ subject: 'u', files: [file('x', 10, '')] }), refusal(400, 'type-not-allowed', /^x: its contents are not of a type that can be attached; allowed: JPEG, PNG, GIF, MP4, PDF, text$/, { accept: DEFAULT_ACCEPT }));
    assert.throws(() => signer.sign({ subject: 'u', files: [{ name: 'x' } as never] }), refusal(400, 'bad-request', /name, a size and a type/));
    assert.throws(() => signer.sign({ subject: 'u', files: [file('e.txt', 0, 'text/plain')] }), refusal(400, 'empty-file', /^e\.txt is empty$/));
    // Exactly the limit is allowed.
    const ten = Array.from({ length: 10 }, (_, i) => file(`${i}.jpg`, 2 * MEGABYTE, 'image/jpeg'));
    assert.ok(signer.sign({ subject: 'u', files: ten }).headers.Authorization);
  });

  it('refuses files that together exceed maxTotalSize, and binds the smaller of it and the request into the token', () => {
    const signer = createUploadSigner({ secret: SECRET, limits: { maxTotalSize: 3 * MEGABYTE } });
    const files = [{ name: 'a.jpg', size: 2 * MEGABYTE, type: 'image/jpeg' }, { name: 'b.jpg', size: MEGABYTE + 1, type: 'image/jpeg' }];
    assert.throws(() => signer.sign({ subject: 'u', files }), refusal(400, 'total-too-large', /^b\.jpg: all files together may be at most 3 MB$/, { maxTotalSize: 3 * MEGABYTE }));
    const signature = signer.sign({ subject: 'u', files: files.slice(0, 1) });
    assert.equal(signer.verify(tokenOf(signature.headers.Authorization)).limits.maxTotalSize, 2 * MEGABYTE);
    const three = [...files.slice(0, 1), { name: 'c.jpg', size: MEGABYTE - 100, type: 'image/jpeg' }];
    assert.equal(signer.verify(tokenOf(signer.sign({ subject: 'u', files: three }).headers.Authorization)).limits.maxTotalSize, 3 * MEGABYTE);
  });
});

describe('verifyToken', () => {
  const claims = { sub: 'u', iat: 1_700_000_000, exp: 1_700_000_300, jti: 'id', limits: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: ['image/jpeg'] } };
  const now = (seconds: number) => seconds * 1000;

  it('accepts a genuine token within its lifetime', () => {
    assert.deepEqual(verifyToken(signToken(claims, key), key, now(claims.iat + 10)), claims);
  });

  it('refuses a missing token with 401', () => {
    assert.throws(() => verifyToken(undefined, key), refusal(401, 'unsigned', /not signed/));
    assert.throws(() => verifyToken('', key), refusal(401, 'unsigned', /not signed/));
  });

  it('refuses an altered token with 401', () => {
    const token = signToken(claims, key);
    const [payload, mac] = token.split('.') as [string, string];
    const wider = Buffer.from(JSON.stringify({ ...claims, limits: { ...claims.limits, maxFileSize: 1e9 } })).toString('base64url');
    const flipped = `${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`;
    for (const altered of [`${wider}.${mac}`, `${payload}.${flipped}`, `${payload}.${mac}x`, `${payload}.${mac}.x`, `${payload}`, 'a.b', 'not a token', `${payload}.${mac.slice(0, 10)}`]) {
      assert.throws(() => verifyToken(altered, key, now(claims.iat)), refusal(401, 'signature-invalid', /not valid/), altered);
    }
    assert.throws(() => verifyToken(token, checkSecret(`${SECRET}-other`), now(claims.iat)), refusal(401, 'signature-invalid', /not valid/));
  });

  it('accepts only the canonical spelling of the signature: no other last character, no padding', () => {
    const token = signToken(claims, key);
    const [payload, mac] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes in 43 characters: the last one carries 4 bits of the MAC and 2 unused low bits.
    const high = alphabet.indexOf(mac.at(-1)!) & ~3;
    const spellings = [0, 1, 2, 3].map((low) => `${payload}.${mac.slice(0, -1)}${alphabet[high | low]}`);
    for (const spelling of spellings) assert.deepEqual(Buffer.from(spelling.split('.')[1]!, 'base64url'), Buffer.from(mac, 'base64url'), 'the same bytes');
    const verified = spellings.filter((spelling) => {
      try {
        return Boolean(verifyToken(spelling, key, now(claims.iat)));
      } catch (error) {
        refusal(401, 'signature-invalid', /not valid/)(error);
        return false;
      }
    });
    assert.deepEqual(verified, [token]);
    assert.throws(() => verifyToken(`${token}=`, key, now(claims.iat)), refusal(401, 'signature-invalid', /not valid/));
  });

  it('refuses an expired token with 401, after a small clock-skew leeway', () => {
    const token = signToken(claims, key);
    assert.ok(verifyToken(token, key, now(claims.exp + CLOCK_SKEW_SECONDS)), 'within the leeway');
    assert.throws(() => verifyToken(token, key, now(claims.exp + CLOCK_SKEW_SECONDS) + 1), refusal(401, 'signature-expired', /expired/));
    assert.ok(verifyToken(token, key, now(claims.iat - CLOCK_SKEW_SECONDS)), 'a verifier clock a little behind');
    assert.throws(() => verifyToken(token, key, now(claims.iat - CLOCK_SKEW_SECONDS) - 1), refusal(401, 'signature-invalid', /not valid yet/));
  });

  it('refuses a correctly signed token whose claims are malformed', () => {
    const bad = signToken({ ...claims, limits: { maxFiles: '10' } } as never, key);
    assert.throws(() => verifyToken(bad, key, now(claims.iat)), refusal(401, 'signature-invalid', /not valid/));
  });
});
