/**
 * The file list as the element shows it: its entries (public types), and the entry of an upload
 * restored without its file. Nothing here knows Uppy (upload-file-state.ts reads its file state), so
 * that the package's public types never reach Uppy's. Pure functions; no DOM.
 */
import type { FileInfo } from './events.js';

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
