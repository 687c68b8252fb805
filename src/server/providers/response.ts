/**
 * Reading provider answers: JSON or XML bodies (size-capped), the values the adapters need, and
 * the provider's own error message made safe to show (plain, short, no credentials).
 */
import { stripTraces } from './strip-traces.js';

/** Provider answers are small; a larger one is cut rather than held. */
const MAX_BODY_CHARS = 64 * 1024;
const MAX_MESSAGE_CHARS = 300;

/** The body as text, at most 64 KiB of it (the rest is not read: leaving the loop closes the stream). */
export async function readText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length >= MAX_BODY_CHARS) return text.slice(0, MAX_BODY_CHARS);
  }
  return text + decoder.decode();
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The text of the first `<name>` element of an XML body, entities decoded. */
export function xmlValue(text: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`).exec(text);
  if (!match) return undefined;
  const inner = match[1]!;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return cdata ? cdata[1] : decodeEntities(inner).trim();
}

/** A string property of a JSON object. */
export function jsonString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const item = (value as Record<string, unknown>)[key];
  return typeof item === 'string' && item !== '' ? item : undefined;
}

/**
 * The provider's own reason: Acrobits `message` (JSON or XML), Plivo `error`, OpenMarket
 * `invalidReasons` (joined), or a short plain-text body. Values in `secrets` are masked.
 */
export function providerMessage(text: string, secrets: readonly string[] = []): string | undefined {
  const json = parseJson(text);
  const reasons = (json as { invalidReasons?: unknown } | undefined)?.invalidReasons;
  const raw =
    (Array.isArray(reasons) ? reasons.filter((reason) => typeof reason === 'string').join('; ') || undefined : undefined) ??
    jsonString(json, 'message') ??
    jsonString(json, 'error') ??
    jsonString(json, 'description') ??
    xmlValue(text, 'message') ??
    xmlValue(text, 'error') ??
    (json === undefined && !/[<{]/.test(text) ? text : undefined);
  return raw === undefined ? undefined : safeMessage(raw, secrets);
}

/**
 * Plain, one line, short, without stack frames or paths (`stripTraces`), and without any of
 * `secrets` (a provider may echo what it was sent).
 */
export function safeMessage(text: string, secrets: readonly string[]): string | undefined {
  let message = stripTraces(text).replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  for (const secret of secrets) {
    if (secret.length >= 4) message = message.split(secret).join('***');
  }
  if (message.length > MAX_MESSAGE_CHARS) message = `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
  return message || undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}
