/**
 * Every user-facing string of the element, in one replaceable object. Set the element's
 * `strings` property to a partial object to replace some of them (or all, for a translation).
 * Functions receive values already formatted for the element's locale.
 */
import type { SizeUnits } from './format.js';

export interface MmsMediaUploadStrings {
  /** Unit symbols for sizes: bytes, kilobytes, megabytes, gigabytes. */
  sizeUnits: SizeUnits;
  /** Short names of MIME types (and `type/*`) in hints and refusals; unknown types show as they are. */
  typeNames: Readonly<Record<string, string>>;
  /** The drop zone's visible label. */
  dropLabel: string;
  /** The browse button. */
  browse: string;
  /** The button that opens the camera, on touch devices with `capture`. */
  takePhoto: string;
  /** Photos being resized to fit the message, before they join the list: "Resizing photos: 2 of 10". */
  fittingPhotos(args: { done: number; count: number }): string;
  /** The limits under the label: "Up to 10 files, 2 MB each: JPEG, PNG, GIF, MP4, PDF, text". */
  limitsHint(args: { maxFiles: number; maxFileSize: string; types: string }): string;
  /** The accessible name of the file list. */
  fileListLabel: string;
  /** "3 of 10". */
  counter(args: { count: number; maxFiles: number }): string;
  /** The size budget left when a total limit is set: "4.5 MB left". */
  remaining(args: { size: string }): string;
  /** Accessible names of the icons that stand for files without a thumbnail. */
  iconVideo: string;
  iconPdf: string;
  iconText: string;
  iconAudio: string;
  iconFile: string;
  /** Accessible names of a file's buttons. */
  removeFile(name: string): string;
  retryFile(name: string): string;
  /** Visible button texts. */
  remove: string;
  retry: string;
  /** Status of a file in the list. */
  statusPending: string;
  statusUploading(percent: string): string;
  statusUploaded: string;
  statusFailed: string;
  /** A photo fitted to the budget before upload: "resized from 4.1 MB to 480 KB". */
  statusResized(args: { from: string; to: string }): string;

  // Refusals: each names the file and the limit.
  tooManyFiles(args: { name: string; maxFiles: number }): string;
  fileTooLarge(args: { name: string; size: string; limit: string }): string;
  /** The server refused the file mid-way, before its size was known. */
  fileOverLimit(args: { name: string; limit: string }): string;
  totalTooLarge(args: { name: string; limit: string }): string;
  typeNotAllowed(args: { name: string; types: string }): string;
  /** Bytes of no type that can be attached (an executable, an archive, a format we don't know), whatever the name says. */
  unknownType(args: { name: string; types: string }): string;
  markupNotAllowed(args: { name: string }): string;
  emptyFile(args: { name: string }): string;
  duplicate(args: { name: string }): string;
  disabled: string;
  // Many refusals of one kind at once, summed up in one line (`count` is more than 3).
  tooManyFilesGroup(args: { count: number; maxFiles: number }): string;
  fileTooLargeGroup(args: { count: number; limit: string }): string;
  totalTooLargeGroup(args: { count: number; limit: string }): string;
  typeNotAllowedGroup(args: { count: number; types: string }): string;
  emptyFilesGroup(args: { count: number }): string;
  duplicatesGroup(args: { count: number }): string;
  // Refusals of photo fitting (`FitRefusal` codes of `src/fit/`).
  /** `video-too-large`: videos are never re-encoded in the browser. */
  videoTooLarge(args: { name: string; size: string; limit: string }): string;
  /** `animated-too-large`: an animated GIF (PNG, WebP) would lose its animation. */
  animatedTooLarge(args: { name: string; size: string; limit: string }): string;
  /** `heic-unsupported`: a HEIC photo this browser cannot decode, and no `heicDecoder`. */
  heicUnsupported(args: { name: string }): string;
  /** `too-big-to-decode`: over 50 MB, or more than 100 megapixels. */
  tooBigToDecode(args: { name: string }): string;
  /** `cannot-decode`: its bytes are not the picture they claim to be. */
  cannotDecode(args: { name: string }): string;
  /** `cannot-fit`: even the smallest picture tried is over the limit. */
  cannotFit(args: { name: string; limit: string }): string;

  // Upload failures. `message` is the server's own message.
  serverMessage(args: { name: string; message: string }): string;
  badStatus(args: { name: string; status: number }): string;
  noMediaUrl(args: { name: string; status: number }): string;
  unsafeUrl(args: { name: string }): string;
  networkError(args: { name: string }): string;
  timeout(args: { name: string; seconds: number }): string;
  cancelled(args: { name: string }): string;
  signatureFailed(args: { name: string; message?: string }): string;

  // Refusals by the server, by their code.
  /** `unsigned`, `signature-invalid`, `signature-expired`: the upload permission did not hold. */
  signatureRejected(args: { name: string }): string;
  /** `not-signed-in`: the signature route wants a signed-in user. */
  notSignedIn(args: { name: string }): string;
  /** `bad-request`, `idempotency-key-reused`: the server could not read what it got. */
  badRequest(args: { name: string }): string;
  /** `provider-failed`: the messaging provider refused or failed to store the file. */
  providerFailed(args: { name: string }): string;
  /** `provider-timeout`: the messaging provider did not answer in time. */
  providerTimeout(args: { name: string }): string;
  /** `rate-limited`: too many uploads for now. */
  rateLimited(args: { name: string }): string;
  /** `in-progress`: the same file is still being stored by an earlier attempt. */
  inProgress(args: { name: string }): string;
  /** `store-unavailable`: the server cannot take uploads for a moment. */
  serverBusy(args: { name: string }): string;
  /** `upload-too-slow`: the file arrived too slowly at the server (a poor connection). */
  uploadTooSlow(args: { name: string }): string;

  // Announcements for screen readers.
  uploaded(args: { name: string }): string;
  removed(args: { name: string }): string;

  // Form validation.
  valueMissing: string;
  uploadsInFlight: string;
  uploadFailed: string;
}

export const ENGLISH: MmsMediaUploadStrings = {
  sizeUnits: ['B', 'KB', 'MB', 'GB'],
  typeNames: {
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'image/gif': 'GIF',
    'image/webp': 'WebP',
    'image/bmp': 'BMP',
    'image/heic': 'HEIC',
    'image/heif': 'HEIF',
    'image/avif': 'AVIF',
    'image/*': 'images',
    'video/mp4': 'MP4',
    'video/quicktime': 'QuickTime',
    'video/3gpp': '3GPP video',
    'video/3gpp2': '3GPP2 video',
    'video/mpeg': 'MPEG video',
    'video/*': 'videos',
    'audio/mpeg': 'MP3',
    'audio/mp4': 'MPEG-4 audio',
    'audio/aac': 'AAC audio',
    'audio/amr': 'AMR audio',
    'audio/amr-wb': 'AMR-WB audio',
    'audio/wav': 'WAV audio',
    'audio/*': 'audio',
    'application/pdf': 'PDF',
    'text/plain': 'text',
    'text/vcard': 'vCard',
    'text/calendar': 'vCalendar',
    '*/*': 'any known type',
  },
  dropLabel: 'Drop photos, videos or PDFs here',
  browse: 'Browse files',
  fittingPhotos: ({ done, count }) => `Resizing photos: ${done} of ${count}`,
  takePhoto: 'Take photo',
  limitsHint: ({ maxFiles, maxFileSize, types }) =>
    `Up to ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'}, ${maxFileSize} each: ${types}`,
  fileListLabel: 'Attached files',
  counter: ({ count, maxFiles }) => `${count} of ${maxFiles}`,
  remaining: ({ size }) => `${size} left`,
  iconVideo: 'Video',
  iconPdf: 'PDF document',
  iconText: 'Text',
  iconAudio: 'Audio',
  iconFile: 'File',
  removeFile: (name) => `Remove ${name}`,
  retryFile: (name) => `Retry ${name}`,
  remove: 'Remove',
  retry: 'Retry',
  statusPending: 'Waiting',
  statusUploading: (percent) => `Uploading ${percent}`,
  statusUploaded: 'Uploaded',
  statusFailed: 'Failed',
  statusResized: ({ from, to }) => `resized from ${from} to ${to}`,

  tooManyFiles: ({ name, maxFiles }) =>
    `${name}: only ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'} can be attached`,
  fileTooLarge: ({ name, size, limit }) => `${name} is ${size}; the limit is ${limit}`,
  fileOverLimit: ({ name, limit }) => `${name} is larger than ${limit}`,
  totalTooLarge: ({ name, limit }) => `${name}: all files together may be at most ${limit}`,
  typeNotAllowed: ({ name, types }) => `${name} is not an allowed type; allowed: ${types}`,
  unknownType: ({ name, types }) => `${name}: its contents are not of a type that can be attached; allowed: ${types}`,
  markupNotAllowed: ({ name }) => `${name} is a web page or drawing (markup), which cannot be attached`,
  emptyFile: ({ name }) => `${name} is empty`,
  duplicate: ({ name }) => `${name} is already attached`,
  disabled: 'Attaching files is disabled',
  tooManyFilesGroup: ({ count, maxFiles }) =>
    `${count} files were not attached: only ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'} can be attached`,
  fileTooLargeGroup: ({ count, limit }) => `${count} files were not attached: each is larger than ${limit}`,
  totalTooLargeGroup: ({ count, limit }) => `${count} files were not attached: all files together may be at most ${limit}`,
  typeNotAllowedGroup: ({ count, types }) => `${count} files were not attached: their types are not allowed; allowed: ${types}`,
  emptyFilesGroup: ({ count }) => `${count} files were not attached: they are empty`,
  duplicatesGroup: ({ count }) => `${count} files are already attached`,
  videoTooLarge: ({ name, size, limit }) => `${name} is ${size}; videos can't be shrunk here, the limit is ${limit}`,
  animatedTooLarge: ({ name, size, limit }) => `${name} is ${size}; animations can't be shrunk here, the limit is ${limit}`,
  heicUnsupported: ({ name }) => `${name} is a HEIC photo, which this browser can't convert: export it as JPEG`,
  tooBigToDecode: ({ name }) => `${name} is too large to be resized here (over 50 MB or 100 megapixels)`,
  cannotDecode: ({ name }) => `${name} could not be read as a picture`,
  cannotFit: ({ name, limit }) => `${name} can't be made smaller than ${limit}`,

  serverMessage: ({ name, message }) => `${name}: ${message}`,
  badStatus: ({ name, status }) => `${name}: upload failed: the server answered ${status}`,
  noMediaUrl: ({ name, status }) => `${name}: upload failed: the server answered ${status} without a media URL`,
  unsafeUrl: ({ name }) => `${name}: upload failed: the server answered with a media URL that is not http or https`,
  networkError: ({ name }) => `${name}: upload failed: the connection to the server was lost`,
  timeout: ({ name, seconds }) => `${name}: upload failed: no progress for ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
  cancelled: ({ name }) => `${name}: upload cancelled`,
  signatureFailed: ({ name, message }) =>
    message ? `${name}: could not get permission to upload: ${message}` : `${name}: could not get permission to upload`,

  signatureRejected: ({ name }) => `${name}: the permission to upload was refused or has expired; try again`,
  notSignedIn: ({ name }) => `${name}: sign in to attach files`,
  badRequest: ({ name }) => `${name}: upload failed: the server could not read the upload`,
  providerFailed: ({ name }) => `${name}: upload failed: the messaging provider could not store the file; try again later`,
  providerTimeout: ({ name }) => `${name}: upload failed: the messaging provider did not answer in time; try again later`,
  rateLimited: ({ name }) => `${name}: too many uploads at once; try again in a moment`,
  inProgress: ({ name }) => `${name}: an earlier attempt is still being stored; try again in a moment`,
  serverBusy: ({ name }) => `${name}: the server cannot take uploads right now; try again in a moment`,
  uploadTooSlow: ({ name }) => `${name}: upload failed: the connection was too slow; try again on a better connection`,

  uploaded: ({ name }) => `${name} uploaded`,
  removed: ({ name }) => `${name} removed`,

  valueMissing: 'Attach at least one file',
  uploadsInFlight: 'Wait until the uploads have finished',
  uploadFailed: 'An upload failed: retry it or remove the file',
};
