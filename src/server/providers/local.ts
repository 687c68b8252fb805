/**
 * The embedded provider: keeps files under `dir` by a generated id (never the user's name), with a
 * sidecar JSON for the type, and serves them back at `GET …/media/{id}`.
 */
import { constants, createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Limits } from '../../limits.js';
import { HttpError } from '../errors.js';
import type { MediaProvider } from '../provider.js';

export interface LocalProviderOptions {
  /** Where files are kept (created when missing). */
  dir: string;
  /**
   * The base of media URLs, to which the media id is appended: an absolute URL
   * ('https://app.example.com/api/media'), or a path ('/api/media') taken from the origin of the
   * upload request (so of its Host header: behind a proxy that terminates TLS or changes the host,
   * give an absolute URL). Default: the proxy's own media route next to its upload route. Media
   * URLs are always absolute: a messaging provider fetches them from elsewhere.
   */
  publicUrl?: string;
  /** Default: none of its own (the proxy's limits apply). */
  limits?: Partial<Limits>;
}

interface Sidecar {
  content_type: string;
  size: number;
  file_name: string;
}

/** Local storage has no limits of its own; markup is refused by the proxy whatever `accept` says. */
const UNLIMITED: Readonly<Limits> = { maxFiles: Number.MAX_SAFE_INTEGER, maxFileSize: Number.MAX_SAFE_INTEGER, accept: ['*/*'] };

/** Ids are made by the proxy (base64url); anything else is not ours, and never reaches the file system. */
const MEDIA_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function localProvider(options: LocalProviderOptions): MediaProvider {
  const dir = options.dir;
  return {
    name: 'Local storage',
    limits: { ...UNLIMITED, ...options.limits },

    async upload(file) {
      if (!MEDIA_ID.test(file.id)) throw new TypeError('localProvider: unexpected media id');
      await mkdir(dir, { recursive: true });
      const sidecar: Sidecar = { content_type: file.contentType, size: file.size, file_name: file.fileName };
      try {
        await keepCopy(file.path, join(dir, file.id));
        // The sidecar last: a file without one is not served.
        await writeFile(join(dir, `${file.id}.json`), JSON.stringify(sidecar), { flag: 'wx' });
      } catch (error) {
        await rm(join(dir, file.id), { force: true });
        throw error;
      }
      const base = new URL(options.publicUrl ?? file.mediaRoute, file.mediaRoute).href.replace(/\/+$/, '');
      return { media_url: `${base}/${file.id}`, media_id: file.id };
    },

    async serve(id, request) {
      const sidecar = MEDIA_ID.test(id) ? await readSidecar(join(dir, `${id}.json`)) : undefined;
      const path = join(dir, id);
      const size = sidecar && (await stat(path).catch(() => undefined))?.size;
      if (!sidecar || size === undefined) throw new HttpError(404, 'not-found', 'No such media.');
      const headers = {
        'Content-Type': sidecar.content_type === 'text/plain' ? 'text/plain; charset=utf-8' : sidecar.content_type,
        'Content-Length': String(size),
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': `inline; filename*=UTF-8''${encodeRfc5987(sidecar.file_name)}`,
        'Cache-Control': 'private, max-age=3600',
      };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      return new Response(body, { status: 200, headers });
    },
  };
}

/**
 * The spooled file under its stored name: a second name for the same bytes when both are on one
 * file system (nothing is read or written again; the proxy then removes the spool's name), a copy
 * otherwise. Never over an existing file.
 */
async function keepCopy(spooled: string, stored: string): Promise<void> {
  try {
    await link(spooled, stored);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Another file system, or one without hard links: copy.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    await copyFile(spooled, stored, constants.COPYFILE_EXCL);
  }
}

async function readSidecar(path: string): Promise<Sidecar | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Sidecar>;
    if (typeof value.content_type !== 'string' || typeof value.file_name !== 'string') return undefined;
    return value as Sidecar;
  } catch {
    return undefined;
  }
}

/** RFC 5987 value: percent-encodes everything outside its attr-char set. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
