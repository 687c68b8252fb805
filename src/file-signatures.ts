/**
 * Which signature each file holds, from the `signer` (or the signature endpoint): a batch is
 * signed in one call; a signature that has expired when a request is about to start is renewed
 * once for every file that holds it (one call, whichever file notices first); a signature that
 * the server rejected is renewed once per attempt the user asked for.
 */
import { isSignatureExpired, SigningError, validSignature, type Signer, type UploadSignature } from './signing.js';
import type { Failure, UploadFile } from './upload-file.js';

interface Held {
  signature?: UploadSignature;
  /** Renewing helps: the signature was not expired already when it came (a TTL within the renewal margin). */
  renewable?: boolean;
  /** The server rejected a signature of this file, and it was renewed. */
  resigned: boolean;
}

export class FileSignatures {
  readonly #held = new Map<string, Held>();
  /** Renewals under way, by the signature they replace, so that each is renewed once. */
  readonly #renewals = new Map<UploadSignature, Promise<void>>();

  /** Signs, in one call, the files that hold no signature or an expired one. Resolves with the failure of a refused signing. */
  async sign(signer: Signer, files: readonly UploadFile[]): Promise<Failure | undefined> {
    const unsigned = files.filter((file) => {
      const { signature } = this.#of(file.id);
      return !signature || isSignatureExpired(signature);
    });
    if (unsigned.length === 0) return undefined;
    try {
      const signature = validSignature(await signer(unsigned.map(describe)));
      const renewable = !isSignatureExpired(signature);
      for (const file of unsigned) Object.assign(this.#of(file.id), { signature, renewable });
      return undefined;
    } catch (error) {
      return signingFailure(error);
    }
  }

  /**
   * The signature to send with `file` now: renewed first when it has expired, together with the
   * other files in `waiting` that hold the same one. A failed renewal leaves the old one: the
   * server's 401 then leads to the one re-sign after a rejection.
   */
  async current(signer: Signer, file: UploadFile, waiting: () => readonly UploadFile[]): Promise<UploadSignature | undefined> {
    const { signature: expired, renewable } = this.#of(file.id);
    if (!expired || !renewable || !isSignatureExpired(expired)) return expired;
    let renewal = this.#renewals.get(expired);
    if (!renewal) {
      const holders = waiting().filter((other) => this.#held.get(other.id)?.signature === expired);
      renewal = this.sign(signer, holders.length > 0 ? holders : [file]).then(() => undefined);
      this.#renewals.set(expired, renewal);
      void renewal.finally(() => this.#renewals.delete(expired));
    }
    await renewal;
    return this.#of(file.id).signature;
  }

  /** The server rejected the file's signature: forget it, and say whether it may be renewed (once per attempt). */
  rejected(id: string): boolean {
    const held = this.#of(id);
    held.signature = undefined;
    if (held.resigned) return false;
    held.resigned = true;
    return true;
  }

  /** A new attempt asked for by the user: a rejected signature may be renewed once more. */
  retrying(id: string): void {
    this.#of(id).resigned = false;
  }

  forget(id: string): void {
    this.#held.delete(id);
  }

  /** Whether the file holds a signature. */
  holds(id: string): boolean {
    return this.#held.get(id)?.signature !== undefined;
  }

  /** What the request of `id` is sent with: URL, method, headers and fields, as far as its signature says. */
  of(id: string): UploadSignature {
    return this.#held.get(id)?.signature ?? {};
  }

  #of(id: string): Held {
    let held = this.#held.get(id);
    if (!held) this.#held.set(id, (held = { resigned: false }));
    return held;
  }
}

/** A file as the signer sees it; `type` is the sniffed, true type. */
function describe(file: UploadFile) {
  return { name: file.name ?? '', size: file.size ?? 0, type: file.type };
}

function signingFailure(error: unknown): Failure {
  return error instanceof SigningError
    ? { code: error.code ?? 'signing-failed', status: error.status, serverMessage: error.serverMessage }
    : { code: 'signing-failed', serverMessage: error instanceof Error ? error.message : undefined };
}
