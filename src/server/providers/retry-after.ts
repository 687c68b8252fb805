/**
 * A provider's `Retry-After`, repeated to the browser so that it waits as long as the provider
 * asked: as whole seconds, and never longer than a person would wait with the page open.
 */

/** The longest wait passed on; a provider asking for more gets the browser back sooner. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/** An IMF-fixdate, the only HTTP date form a sender may use. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The seconds to wait (0–60) as the header's value; undefined for anything but seconds or an HTTP date. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): string | undefined {
  const text = value?.trim() ?? '';
  let seconds: number;
  if (/^\d{1,12}$/.test(text)) seconds = Number(text);
  else if (HTTP_DATE.test(text)) seconds = Math.ceil((Date.parse(text) - now) / 1000);
  else return undefined;
  if (Number.isNaN(seconds)) return undefined;
  return String(Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS));
}
