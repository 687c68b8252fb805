/**
 * A real S3 API on 127.0.0.1 for the tests: s3rver (an S3-compatible server from npm, storing into
 * a temporary folder), behind a gate that checks every signature as S3 does. s3rver itself checks
 * the access key and the expiry of presigned URLs but not SigV4 signatures; the gate recomputes
 * each one with the AWS SDK's own signer (@smithy/signature-v4), so that a request signed with
 * another secret, or a URL presigned for GET and sent as HEAD, is refused with 403 as by AWS.
 * Every request that reaches the gate is recorded.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { listen, tempDir } from './http.js';

/** s3rver's built-in account. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const S3_REGION = 'us-east-1';

export interface S3Request {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  /** What the gate answered before s3rver saw it (403), or undefined when it passed. */
  refused?: string;
}

export interface S3Server {
  /** `http://127.0.0.1:<port>`: the `endpoint` of an s3Provider (with `forcePathStyle`). */
  endpoint: string;
  bucket: string;
  requests: S3Request[];
  /** `${endpoint}/${bucket}`: objects served without a signature, as a public bucket does. */
  publicBaseUrl: string;
  close(): Promise<void>;
}

/** SHA-256 and HMAC-SHA256 for the signer, from node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

class Sha256 {
  readonly #hash;
  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

const signer = new SignatureV4({ service: 's3', region: S3_REGION, credentials: S3_CREDENTIALS, sha256: Sha256, uriEscapePath: false, applyChecksum: false });

export async function startS3Server(bucket = 'media'): Promise<S3Server> {
  const dir = await tempDir('s3rver');
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir.path, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3rver.run(); // its own listener stays unused: requests come through the gate below
  const serve = s3rver.callback();
  const requests: S3Request[] = [];
  const gate = await listen((req: IncomingMessage, res: ServerResponse) => {
    const recorded: S3Request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    void signatureProblem(req).then((problem) => {
      if (!problem) return serve(req, res);
      recorded.refused = problem;
      req.resume();
      res.writeHead(403, { 'Content-Type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`);
    });
  });
  return {
    endpoint: gate.origin,
    bucket,
    requests,
    publicBaseUrl: `${gate.origin}/${bucket}`,
    async close() {
      await gate.close();
      await s3rver.close();
      await dir.remove();
    },
  };
}

/** Why the request's signature is wrong, or undefined when it is right (or it has none: anonymous). */
async function signatureProblem(req: IncomingMessage): Promise<string | undefined> {
  const url = new URL(req.url ?? '/', 'http://gate');
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  const base = { method: req.method ?? 'GET', protocol: 'http:', hostname: '127.0.0.1', path: url.pathname, query };
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^AWS4-HMAC-SHA256 Credential=[^,]+, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!match) return 'malformed Authorization header';
    const signedNames = match[1]!.split(';');
    const headers = Object.fromEntries(signedNames.map((name) => [name, String(req.headers[name] ?? '')]));
    const signed = await signer.sign({ ...base, headers }, { signingDate: amzDate(req.headers['x-amz-date']), signableHeaders: new Set(signedNames) });
    return signed.headers.authorization?.endsWith(`Signature=${match[2]}`) ? undefined : 'the signature does not match';
  }
  const given = query['X-Amz-Signature'];
  if (given === undefined) return undefined;
  // presign() adds these itself; the rest of the query (X-Amz-Content-Sha256, x-id) is signed as sent.
  const own = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];
  const rest = Object.fromEntries(Object.entries(query).filter(([name]) => !own.includes(name)));
  const payload = new Set(['x-amz-content-sha256']);
  const presigned = await signer.presign(
    { ...base, query: rest, headers: { host: String(req.headers.host), 'x-amz-content-sha256': query['X-Amz-Content-Sha256'] ?? 'UNSIGNED-PAYLOAD' } },
    { signingDate: amzDate(query['X-Amz-Date']), expiresIn: Number(query['X-Amz-Expires']), unhoistableHeaders: payload, unsignableHeaders: payload },
  );
  return presigned.query?.['X-Amz-Signature'] === given ? undefined : 'the signature does not match (a URL presigned for another method?)';
}

/** '20261129T230731Z' → Date. */
function amzDate(value: string | string[] | undefined): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value ?? ''));
  if (!match) return new Date(0);
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
