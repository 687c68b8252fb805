/**
 * The media URL a provider answers goes to the browser (shown, put in a form, fetched): only an
 * absolute `https:` URL without credentials may leave the proxy, or `http:` where allowed for
 * local use. Anything else (`javascript:`, `data:`, `user:pass@`, a relative path) is the
 * provider failing: 502 `provider-failed`, without repeating the URL.
 */
import { HttpError } from '../errors.js';

/** Hosts that never leave this machine. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether `url` is `http:` on a loopback host: a local service or a test mock, whose http URLs may pass. */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK_HOST.test(parsed.hostname);
  } catch {
    return false;
  }
}

/** The URL as the URL standard writes it (what a browser would read), or the 502 of a provider that sent another kind. */
export function checkedMediaUrl(value: string, provider: string, allowHttp: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(value); // no base: a relative URL throws
  } catch {
    url = undefined;
  }
  const scheme = url?.protocol;
  const allowed = scheme === 'https:' || (allowHttp && scheme === 'http:');
  if (!url || !allowed || url.username !== '' || url.password !== '') {
    throw new HttpError(502, 'provider-failed', `${provider} returned a media URL that cannot be passed on.`);
  }
  return url.href;
}
