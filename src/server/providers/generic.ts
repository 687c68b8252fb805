/**
 * An Acrobits-style generic media upload web service: POST or PUT multipart/form-data with the
 * configured fields and headers, the file in `fileField`; a 2xx with `media_url` (JSON or XML)
 * is a success, anything else may carry a `message` (JSON or XML).
 *
 * Field and header values may hold `%file_name%`, `%media_size%` and `%content_type%`.
 */
import { PROVIDER_PRESETS, type Limits } from '../../limits.js';
import { HttpError } from '../errors.js';
import type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from '../provider.js';
import { httpProvider, type ProviderCall } from './http.js';
import { multipartBody } from './multipart-body.js';
import { jsonString, parseJson, xmlValue } from './response.js';
import { fileBody } from './sized-body.js';

export interface GenericProviderOptions extends Omit<ProviderHttpOptions, 'baseUrl'> {
  /** The web service's full URL (it may carry a query string). */
  url: string;
  /** Default 'POST'. */
  method?: 'POST' | 'PUT';
  /** Text parts sent before the file. */
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  /** The file part's name; default 'file'. */
  fileField?: string;
  /** What the service accepts; default Acrobits' own (JPEG and MP4, 2 MB). */
  limits?: Partial<Limits>;
  /** Names the service in messages; default 'The media service'. */
  name?: string;
}

export function genericProvider(options: GenericProviderOptions): MediaProvider {
  const name = options.name ?? 'The media service';
  const method = options.method ?? 'POST';
  const fileField = options.fileField ?? 'file';

  async function upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult> {
    const fields = Object.entries(options.fields ?? {}).map(([key, value]) => [key, fill(value, file, false)] as const);
    const form = multipartBody(fields, { field: fileField, fileName: file.fileName, contentType: file.contentType, body: fileBody(file.path, file.size) });
    const configured = Object.entries(options.headers ?? {}).map(([key, value]) => [key, fill(value, file, true)]);
    // The body's own type last: its boundary must be the one sent.
    const headers = { ...Object.fromEntries(configured), 'Content-Type': form.contentType };
    const answer = await call(options.url, { method, headers, body: form.body });
    const mediaUrl = jsonString(parseJson(answer.text), 'media_url') ?? xmlValue(answer.text, 'media_url');
    if (!mediaUrl) throw new HttpError(502, 'provider-failed', `${name} did not return a media URL.`);
    const mediaId = jsonString(parseJson(answer.text), 'media_id') ?? xmlValue(answer.text, 'media_id');
    return { media_url: mediaUrl, media_id: mediaId };
  }

  const limits = { ...PROVIDER_PRESETS.acrobits, ...options.limits };
  return httpProvider({ name, url: options.url, limits, secrets: configuredSecrets(options), upload }, options);
}

/**
 * Replaces the placeholders. Header values must be Latin-1 and one line, so there the file name
 * is percent-encoded.
 */
function fill(template: string, file: MediaUpload, inHeader: boolean): string {
  return template.replace(/%(file_name|media_size|content_type)%/g, (_match, key: string) => {
    if (key === 'media_size') return String(file.size);
    if (key === 'content_type') return file.contentType;
    return inHeader ? encodeURIComponent(file.fileName) : file.fileName;
  });
}

/** Anything configured may be a credential (Acrobits puts passwords in fields and query strings). */
function configuredSecrets(options: GenericProviderOptions): string[] {
  const url = new URL(options.url);
  const values = [
    ...Object.values(options.fields ?? {}),
    ...Object.values(options.headers ?? {}),
    ...url.searchParams.values(),
    decodeURIComponent(url.username),
    decodeURIComponent(url.password),
  ];
  // Placeholders are filled per file and are not secrets; very short values would mask too much.
  return values.filter((value) => value.length >= 6 && !/%(file_name|media_size|content_type)%/.test(value));
}
