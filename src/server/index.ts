/**
 * `mms-media-upload/server` (Node 20+, no DOM): the signed proxy that keeps provider credentials
 * on the server. `createUploadSigner` issues signatures, `createMediaProxy` checks and forwards
 * uploads to a provider adapter (once per `Idempotency-Key`, remembered in an `UploadStore`:
 * `memoryStore()` for one process, `redisStore()` for several), `toNodeHandler` mounts it on Node's
 * http server or middleware. `s3Provider` and `redisStore` load their clients (optional peer
 * dependencies) on first use.
 */
export { createUploadSigner } from './signer.js';
export type { SignFileInfo, SignRequest, UploadSignature, UploadSigner, UploadSignerOptions } from './signer.js';
export { createMediaProxy } from './proxy.js';
export type { Authorize, FetchHandler, MediaProxyOptions, UploadResult } from './proxy.js';
export { toNodeHandler } from './node-handler.js';
export type { NextFunction, NodeHandler } from './node-handler.js';
export { HttpError } from './errors.js';
export type { HttpErrorOptions, RefusedLimit } from './errors.js';
export { memoryStore } from './store.js';
export type { MemoryStore, MemoryStoreOptions, Reservation, ReserveRequest, UploadClaim, UploadRecord, UploadStore } from './store.js';
export { redisStore } from './redis-store.js';
export type { RedisScriptClient, RedisStore, RedisStoreOptions } from './redis-store.js';
export { IDEMPOTENCY_KEY_HEADER } from '../protocol.js';
export type { ErrorBody, ErrorCode } from '../protocol.js';
export type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from './provider.js';
export { DEFAULT_TIMEOUT_MS } from './provider.js';
export { CLOCK_SKEW_SECONDS, MAX_TTL_SECONDS, MIN_SECRET_BYTES } from './token.js';
export type { Secret, TokenClaims } from './token.js';
export { localProvider } from './providers/local.js';
export type { LocalProviderOptions } from './providers/local.js';
export { plivoProvider } from './providers/plivo.js';
export type { PlivoProviderOptions } from './providers/plivo.js';
export { bandwidthProvider } from './providers/bandwidth.js';
export type { BandwidthProviderOptions } from './providers/bandwidth.js';
export { openMarketProvider } from './providers/openmarket.js';
export type { OpenMarketProviderOptions } from './providers/openmarket.js';
export { genericProvider } from './providers/generic.js';
export type { GenericProviderOptions } from './providers/generic.js';
export { s3Provider, DEFAULT_PRESIGN_SECONDS, MAX_PRESIGN_SECONDS } from './providers/s3.js';
export type { S3Credentials, S3MediaUrls, S3ProviderOptions } from './providers/s3.js';
export type { Limits } from '../limits.js';
export { DEFAULT_LIMITS, PROVIDER_PRESETS } from '../limits.js';
