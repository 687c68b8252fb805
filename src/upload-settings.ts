/**
 * What the upload controller reads from its element, at the moment it needs it: the element's
 * properties, with their defaults and normal forms, and what the element works out itself.
 */
import type { FitMode, HeicDecoder } from './fit/fit-types.js';
import type { Limits } from './limits.js';
import { signatureEndpointSigner, type Signer } from './signing.js';
import type { ResponseParser } from './response.js';
import type { MmsMediaUploadStrings } from './strings.js';
import type { TransportSettings } from './upload-transport.js';

export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
export const DEFAULT_FIT_MAX_DIMENSION = 2048;

export interface UploadSettings extends TransportSettings {
  /** `maxTotalSize` included. */
  limits: Limits;
  manual: boolean;
  disabled: boolean;
  strings: MmsMediaUploadStrings;
  locale: string;
  fit: FitMode;
  fitMaxDimension: number;
  heicDecoder?: HeicDecoder | string;
}

/** The element's properties that decide how files are taken and sent. */
export interface UploadProperties {
  endpoint: string;
  method: string;
  fieldName: string;
  manual: boolean;
  signer?: Signer;
  signatureEndpoint?: string;
  parseResponse?: ResponseParser;
  uploadTimeout: number;
  fit: string;
  fitMaxDimension: number;
  heicDecoder?: HeicDecoder | string;
}

/** What the element works out: its limits, its words, its language, and whether it is disabled. */
export type ElementState = Pick<UploadSettings, 'limits' | 'strings' | 'locale' | 'disabled'>;

export function uploadSettings(element: UploadProperties, state: ElementState): UploadSettings {
  return {
    ...state,
    endpoint: element.endpoint,
    method: (element.method || 'POST').toUpperCase(),
    fieldName: element.fieldName || 'file',
    manual: element.manual,
    signer: element.signer ?? (element.signatureEndpoint ? signatureEndpointSigner(element.signatureEndpoint) : undefined),
    parseResponse: element.parseResponse,
    stallTimeoutMs: element.uploadTimeout > 0 ? element.uploadTimeout : DEFAULT_STALL_TIMEOUT_MS,
    fit: element.fit === 'always' || element.fit === 'off' ? element.fit : 'auto',
    fitMaxDimension: element.fitMaxDimension > 0 ? element.fitMaxDimension : DEFAULT_FIT_MAX_DIMENSION,
    heicDecoder: element.heicDecoder || undefined,
  };
}
