/**
 * The limits in force for one element: what its attributes set, else its provider preset's,
 * else the defaults. Values that are not limits are refused with a warning, as native inputs do.
 */
import { DEFAULT_LIMITS, isProviderName, parseAccept, PROVIDER_PRESETS, type Limits } from './limits.js';

export class LimitSettings {
  /** The preset's name (`plivo`…); an unknown one counts as none. */
  readonly #provider: () => string | undefined;
  #maxFiles?: number;
  #maxFileSize?: number;
  #maxTotalSize?: number;
  #accept?: string[];
  /** The last unknown preset name warned about, so that each is warned about once. */
  #warnedProvider?: string;

  constructor(provider: () => string | undefined) {
    this.#provider = provider;
  }

  get maxFiles(): number {
    return this.#maxFiles ?? this.#preset.maxFiles;
  }
  set maxFiles(value: number | null | undefined) {
    this.#maxFiles = positiveInteger(value, 'max-files');
  }

  get maxFileSize(): number {
    return this.#maxFileSize ?? this.#preset.maxFileSize;
  }
  set maxFileSize(value: number | null | undefined) {
    this.#maxFileSize = positiveInteger(value, 'max-file-size');
  }

  get maxTotalSize(): number | undefined {
    return this.#maxTotalSize ?? this.#preset.maxTotalSize;
  }
  set maxTotalSize(value: number | null | undefined) {
    this.#maxTotalSize = positiveInteger(value, 'max-total-size');
  }

  /** Comma-separated, as the attribute is written. */
  get accept(): string {
    return this.#acceptList.join(',');
  }
  set accept(value: string | null | undefined) {
    const entries = value == null ? [] : parseAccept(value);
    this.#accept = entries.length > 0 ? entries : undefined;
  }

  get limits(): Limits {
    const { maxTotalSize } = this;
    return { maxFiles: this.maxFiles, maxFileSize: this.maxFileSize, accept: this.#acceptList, ...(maxTotalSize ? { maxTotalSize } : {}) };
  }

  get #acceptList(): string[] {
    return this.#accept ?? this.#preset.accept;
  }

  get #preset(): Readonly<Limits> {
    const provider = this.#provider();
    if (isProviderName(provider)) return PROVIDER_PRESETS[provider];
    if (provider && provider !== this.#warnedProvider) {
      this.#warnedProvider = provider;
      console.warn(`<mms-media-upload>: unknown provider "${provider}"; expected ${Object.keys(PROVIDER_PRESETS).join(', ')}`);
    }
    return DEFAULT_LIMITS;
  }
}

/** A positive integer, or undefined (with a warning for a value that is not one). */
function positiveInteger(value: number | null | undefined, attribute: string): number | undefined {
  if (value == null) return undefined;
  const number = Number(value);
  if (Number.isInteger(number) && number > 0) return number;
  console.warn(`<mms-media-upload>: ${attribute} must be a positive whole number; got ${String(value)}`);
  return undefined;
}
