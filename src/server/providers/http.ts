/**
 * One provider call: a timeout, no retry (the browser retries, with the same `Idempotency-Key`), no
 * redirects (they could carry our credentials elsewhere), the body streamed from disk at the
 * provider's pace (http-request.ts), and every failure turned into a status, a code and a clear
 * message.
 */
import type { Limits } from '../../limits.js';
import type { ErrorCode } from '../../protocol.js';
import { HttpError, uploadCancelled } from '../errors.js';
import { DEFAULT_TIMEOUT_MS, type MediaProvider, type MediaUpload, type ProviderHttpOptions, type ProviderResult } from '../provider.js';
import { formatSeconds } from '../seconds.js';
import { sendRequest, type IncomingAnswer, type OutgoingRequest } from './http-request.js';
import { checkedMediaUrl, isLoopbackHttp } from './media-url.js';
import { providerMessage } from './response.js';
import { retryAfterSeconds } from './retry-after.js';

export interface DeadlineOptions {
  /** "Plivo": names the provider in messages. */
  provider: string;
  timeoutMs?: number;
  /** The browser's signal: its going away cancels the call. */
  signal?: AbortSignal;
}

export interface CallOptions extends DeadlineOptions {
  /** Values that must never appear in a message (credentials, our auth header). */
  secrets: readonly string[];
}

/** What the adapter gets back from a successful (2xx) call. */
export type ProviderAnswer = IncomingAnswer;

/** `request` is sent to `url`; a non-2xx answer throws the mapped HttpError. */
export function callProvider(url: string, request: OutgoingRequest, options: CallOptions): Promise<ProviderAnswer> {
  return withDeadline(options, async (signal) => {
    // Sent and read under the same signal: a provider that sends headers and then stalls also times out.
    const answer = await sendRequest(url, request, signal);
    if (answer.status < 200 || answer.status > 299) {
      throw providerFailure(options.provider, answer.status, providerMessage(answer.text, options.secrets), header(answer, 'retry-after'));
    }
    return answer;
  });
}

/** One header of an answer, or undefined. */
export function header(answer: ProviderAnswer, name: string): string | undefined {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Runs one provider call under the provider's timeout and the browser's signal (`call` must
 * honour the signal it is given). An HttpError thrown by `call` passes as is; a timeout is 504
 * `provider-timeout`, the browser going away cancels, anything else is 502 `provider-failed`
 * ("could not be reached"), naming at most a system error code.
 */
export async function withDeadline<T>(options: DeadlineOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    return await call(signal);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (timeout.aborted) {
      // The provider may still have stored the file: a retry forwards it again (see the README).
      throw new HttpError(504, 'provider-timeout', `${options.provider} did not answer within ${formatSeconds(timeoutMs)}. Try again later.`, {}, { cause: error });
    }
    if (options.signal?.aborted) throw uploadCancelled(error);
    throw new HttpError(502, 'provider-failed', `${options.provider} could not be reached${networkCode(error)}. Try again later.`, {}, { cause: error });
  }
}

/** The codes of the provider statuses that concern the file or the pace, which the browser may act on. */
const PASSED_THROUGH: Readonly<Record<number, ErrorCode>> = { 413: 'file-too-large', 415: 'type-not-allowed', 429: 'rate-limited' };

/**
 * A provider's refusal, for the browser: 413, 415 and 429 keep their status (they are about the
 * file or the pace; a 429 keeps its `Retry-After`, in seconds, at most 60); anything else is the
 * proxy's problem with its provider, hence 502 `provider-failed`.
 */
export function providerFailure(provider: string, status: number, message?: string, retryAfter?: string | null): HttpError {
  const because = message ? `: ${message}` : '.';
  const passed = PASSED_THROUGH[status];
  if (passed) {
    const seconds = status === 429 ? retryAfterSeconds(retryAfter) : undefined;
    const headers = seconds === undefined ? undefined : { 'Retry-After': seconds };
    return new HttpError(status, passed, `${provider} refused the file (HTTP ${status})${because}`, {}, { headers });
  }
  if (status === 401 || status === 403) {
    // Our credentials, not the user's signature: never answered as 401.
    const reason = message ? `: ${message.replace(/\.$/, '')}` : '';
    return new HttpError(502, 'provider-failed', `${provider} refused the server's credentials (HTTP ${status})${reason}. Tell the site's administrator.`);
  }
  if (status >= 500) return new HttpError(502, 'provider-failed', `${provider} failed to store the file (HTTP ${status})${because}`);
  return new HttpError(502, 'provider-failed', `${provider} refused the upload (HTTP ${status})${because}`);
}

/** Sends one request to the provider, under its timeout and the browser's signal. */
export type ProviderCall = (url: string, request: OutgoingRequest) => Promise<ProviderAnswer>;

export interface HttpProviderSpec {
  /** "Plivo": names the provider in messages. */
  name: string;
  /** The provider's own URL: on loopback http, its http media URLs may pass by default. */
  url: string;
  limits: Readonly<Limits>;
  /** Values that must never appear in a message (credentials, our auth header). */
  secrets: readonly string[];
  upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult>;
}

/**
 * An adapter that calls its provider over HTTP: every call goes through `callProvider`, and every
 * media URL through `checkedMediaUrl`.
 */
export function httpProvider(spec: HttpProviderSpec, { timeoutMs, allowHttpMediaUrls }: ProviderHttpOptions): MediaProvider {
  const { name, limits, secrets } = spec;
  const allowHttp = allowHttpMediaUrls ?? isLoopbackHttp(spec.url);
  return {
    name,
    limits,
    timeoutMs,
    async upload(file) {
      const result = await spec.upload(file, (url, request) => callProvider(url, request, { provider: name, timeoutMs, signal: file.signal, secrets }));
      return { ...result, media_url: checkedMediaUrl(result.media_url, name, allowHttp) };
    },
  };
}

/** HTTP Basic credentials: the header, and the values that must never appear in a message. */
export function basicCredentials(user: string, password: string): { authorization: string; secrets: string[] } {
  const authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
  return { authorization, secrets: [password, authorization, user] };
}

/** `baseUrl` without a trailing slash, so that the seed's paths can be appended. */
export function origin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * " (ECONNREFUSED)": the system error's code (node:http gives it as `code`, undici in `cause`);
 * the code names no host or secret.
 */
function networkCode(error: unknown): string {
  const found = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = found?.cause?.code ?? found?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
}
