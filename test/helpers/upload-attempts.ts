// What the page itself sends: every XMLHttpRequest to an upload URL, one entry per attempt the
// element makes (a request the browser's network stack repeats on its own is not a new
// attempt). Each attempt is marked with `X-Test-File` (the name of the file it carries) and
// `X-Test-Attempt` (1 for the first attempt of that file, 2 for the next…), which the test
// server (test/helpers/proxy-endpoints.js) reads; the proxy ignores them.

export interface UploadAttempt {
  url: string;
  /** The name of the `file` part. */
  file: string;
  /** 1 for the first attempt of this file. */
  attempt: number;
  /** The `Idempotency-Key` the element set. */
  key: string | null;
  /** 0 when there was no answer (connection lost, or aborted); undefined while in flight. */
  status?: number;
  /** The `Idempotent-Replayed` header of the answer. */
  replayed?: string | null;
  /** The answer's body. */
  body?: string;
}

export interface AttemptLog {
  attempts: UploadAttempt[];
  /** The attempts of one file, in order. */
  of(file: string): UploadAttempt[];
  /** Puts XMLHttpRequest back as it was. */
  restore(): void;
}

/** Starts logging the XMLHttpRequests whose URL matches `url`. */
export function watchUploadAttempts(url: RegExp): AttemptLog {
  const proto = XMLHttpRequest.prototype;
  const { open, send, setRequestHeader } = proto;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const keys = new WeakMap<XMLHttpRequest, string>();
  const attempts: UploadAttempt[] = [];
  const entries = new WeakMap<XMLHttpRequest, UploadAttempt>();
  const watched = new WeakSet<XMLHttpRequest>();

  proto.open = function (this: XMLHttpRequest, method: string, target: string | URL, ...rest: unknown[]) {
    urls.set(this, String(target));
    // Listening from open() on, before the element sets its own handlers: the answer is noted
    // before the element (and the test, in the microtasks after its handler) acts on it.
    if (url.test(String(target)) && !watched.has(this)) {
      watched.add(this);
      this.addEventListener('readystatechange', () => {
        const entry = entries.get(this);
        if (this.readyState !== XMLHttpRequest.DONE || !entry) return;
        entry.status = this.status;
        entry.replayed = this.getResponseHeader('Idempotent-Replayed');
        entry.body = this.responseType === '' || this.responseType === 'text' ? this.responseText : undefined;
      });
    }
    return (open as (...args: unknown[]) => void).call(this, method, target, ...rest);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    if (name.toLowerCase() === 'idempotency-key') keys.set(this, value);
    return setRequestHeader.call(this, name, value);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const target = urls.get(this) ?? '';
    if (url.test(target)) {
      const part = body instanceof FormData ? body.get('file') : null;
      const file = part instanceof File ? part.name : '';
      const entry: UploadAttempt = {
        url: target,
        file,
        attempt: attempts.filter((attempt) => attempt.file === file).length + 1,
        key: keys.get(this) ?? null,
      };
      attempts.push(entry);
      entries.set(this, entry);
      setRequestHeader.call(this, 'X-Test-File', encodeURIComponent(file));
      setRequestHeader.call(this, 'X-Test-Attempt', String(entry.attempt));
    }
    return send.call(this, body);
  };

  return {
    attempts,
    of: (file) => attempts.filter((attempt) => attempt.file === file),
    restore() {
      Object.assign(proto, { open, send, setRequestHeader });
    },
  };
}
