/**
 * The file list as the element shows it: each entry derived from a file's Uppy state (or from
 * an upload restored without its file). Pure functions; no DOM.
 */
import type { FileInfo } from './events.js';
import type { UploadFile } from './upload-file.js';

export type FileStatus = 'pending' | 'uploading' | 'uploaded' | 'failed';

/** A file in the element's list, as `files` shows it. */
export interface FileEntry {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  /** The sniffed, true type. */
  readonly type: string;
  readonly status: FileStatus;
  /** 0 to 1. */
  readonly progress: number;
  readonly mediaUrl?: string;
  readonly mediaId?: string;
  /** Why the upload failed, for people. */
  readonly error?: string;
  /** The photo was resized to fit the message (see `fit`): its size before. */
  readonly originalSize?: number;
  readonly fitted?: true;
}

/** An upload done before, as the value setter or a form restore gives it back. */
export interface RestoredUpload {
  mediaUrl: string;
  mediaId?: string;
  name?: string;
  size?: number;
  type?: string;
}

/** Sniffing never answers this: it stands for "bytes of no known type" in Uppy's `type`. */
export const UNKNOWN_TYPE = 'application/octet-stream';

/** A file's entry, without its message. `running`: the file belongs to an upload under way. */
export function entryOf(file: UploadFile, running: boolean): FileEntry {
  const { progress } = file;
  const status: FileStatus = progress.uploadComplete
    ? 'uploaded'
    : file.error
      ? 'failed'
      : running || progress.uploadStarted
        ? 'uploading'
        : 'pending';
  const body = status === 'uploaded' ? file.response?.body : undefined;
  return {
    id: file.id,
    name: file.name ?? '',
    size: file.size ?? 0,
    type: file.type === UNKNOWN_TYPE ? '' : file.type,
    status,
    progress: status === 'uploaded' ? 1 : progress.bytesTotal ? Number(progress.bytesUploaded) / progress.bytesTotal : 0,
    ...(body?.mediaUrl ? { mediaUrl: body.mediaUrl } : {}),
    ...(body?.mediaId ? { mediaId: body.mediaId } : {}),
    ...(file.originalSize !== undefined ? { originalSize: file.originalSize, fitted: true as const } : {}),
  };
}

/** The entry of an upload that has no file behind it. */
export function restoredEntry(upload: RestoredUpload, index: number): FileEntry {
  return {
    id: `restored-${index}-${upload.mediaUrl}`,
    name: upload.name || nameFromUrl(upload.mediaUrl),
    size: upload.size ?? 0,
    type: upload.type ?? '',
    status: 'uploaded',
    progress: 1,
    mediaUrl: upload.mediaUrl,
    ...(upload.mediaId ? { mediaId: upload.mediaId } : {}),
  };
}

/** A file whose upload was cancelled half-way waits again; others stay as they are. */
export function interrupted(file: UploadFile): UploadFile {
  const { progress } = file;
  if (progress.uploadComplete || file.error || !progress.uploadStarted) return file;
  return { ...file, progress: { ...progress, uploadStarted: null, bytesUploaded: false, percentage: 0 } };
}

/** What events say about a file. */
export function fileInfo(entry: FileEntry): FileInfo {
  return { id: entry.id, name: entry.name, size: entry.size, type: entry.type };
}

function nameFromUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}
