/**
 * Bandwidth Media: `PUT /api/v2/users/{accountId}/media/{mediaName}` with the raw bytes (streamed
 * from the spool file), their Content-Type and Content-Length, Basic auth; answers 204. A name that exists is overwritten,
 * so each file gets a random one. The media URL is the file's URL (Bandwidth's send API reads it).
 */
import { randomUUID } from 'node:crypto';
import { PROVIDER_PRESETS } from '../../limits.js';
import { extensionFor } from '../filename.js';
import type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from '../provider.js';
import { basicCredentials, httpProvider, origin, type ProviderCall } from './http.js';
import { fileBody } from './sized-body.js';

export interface BandwidthProviderOptions extends ProviderHttpOptions {
  accountId: string;
  username: string;
  password: string;
}

export function bandwidthProvider(options: BandwidthProviderOptions): MediaProvider {
  const base = `${origin(options.baseUrl ?? 'https://messaging.bandwidth.com')}/api/v2/users/${encodeURIComponent(options.accountId)}/media/`;
  const { authorization, secrets } = basicCredentials(options.username, options.password);

  async function upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult> {
    // The extension follows the bytes, not the user's name (a PNG named .jpg is stored as .png).
    const mediaName = `${randomUUID()}${extensionFor(file.contentType) || extensionOf(file.fileName)}`;
    const url = `${base}${mediaName}`;
    await call(url, { method: 'PUT', headers: { Authorization: authorization, 'Content-Type': file.contentType }, body: fileBody(file.path, file.size) });
    return { media_url: url, media_id: mediaName };
  }

  return httpProvider({ name: 'Bandwidth', url: base, limits: PROVIDER_PRESETS.bandwidth, secrets, upload }, options);
}

/** A short, plain extension of a cleaned name ('.jpg'), or ''. */
function extensionOf(name: string): string {
  const match = /\.[a-z0-9]{1,8}$/i.exec(name);
  return match ? match[0].toLowerCase() : '';
}
