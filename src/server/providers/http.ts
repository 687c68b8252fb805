/**
 * One provider call: a timeout, no retry (uploads are not idempotent), no redirects (they could
 * carry our credentials elsewhere), and every failure turned into a status and a clear message.
 */
import { HttpError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../provider.js';
import { providerMessage, readText } from './response.js';

export interface CallOptions {
  /** "Plivo": names the provider in messages. */
  provider: string;
  timeoutMs?: number;
  /** The browser's signal: its going away cancels the call. */
  signal?: AbortSignal;
  /** Values that must never appear in a message (credentials, our auth header). */
  secrets: readonly string[];
}

/** What the adapter gets back from a successful (2xx) call. */
export interface ProviderAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** `init` is sent to `url`; a non-2xx answer throws the mapped HttpError. */
export async function callProvider(url: string, init: RequestInit, options: CallOptions): Promise<ProviderAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetch(url, { ...init, signal, redirect: 'manual' });
    // Read under the same signal: a provider that sends headers and then stalls also times out.
    const text = await readText(response);
    if (response.status < 200 || response.status > 299) {
      throw providerFailure(options.provider, response.status, providerMessage(text, options.secrets));
    }
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (timeout.aborted) {
      throw new HttpError(504, `${options.provider} did not answer within ${seconds(timeoutMs)}. Try again later.`, { cause: error });
    }
    if (options.signal?.aborted) throw new HttpError(400, 'The upload was cancelled.', { cause: error });
    throw new HttpError(502, `${options.provider} could not be reached${networkCode(error)}. Try again later.`, { cause: error });
  }
}

/**
 * A provider's refusal, for the browser: 413, 415 and 429 keep their status (they are about the
 * file or the pace); anything else is the proxy's problem with its provider, hence 502.
 */
export function providerFailure(provider: string, status: number, message?: string): HttpError {
  const because = message ? `: ${message}` : '.';
  if (status === 413 || status === 415 || status === 429) {
    return new HttpError(status, `${provider} refused the file (HTTP ${status})${because}`);
  }
  if (status === 401 || status === 403) {
    // Our credentials, not the user's signature: never answered as 401.
    return new HttpError(502, `${provider} refused the server's credentials (HTTP ${status})${message ? `: ${message.replace(/\.$/, '')}` : ''}. Tell the site's administrator.`);
  }
  if (status >= 500) return new HttpError(502, `${provider} failed to store the file (HTTP ${status})${because}`);
  return new HttpError(502, `${provider} refused the upload (HTTP ${status})${because}`);
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** `baseUrl` without a trailing slash, so that the seed's paths can be appended. */
export function origin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** " (ECONNREFUSED)": undici hides the system error in `cause`; the code names no host or secret. */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code) ? ` (${cause.code})` : '';
}
