/**
 * Entries of the element's list made from Uppy's file state, and that state put back to waiting
 * when an upload was cut short. Pure functions; no DOM.
 */
import { UNKNOWN_TYPE, type FileEntry, type FileStatus } from './file-entry.js';
import type { UploadFile } from './upload-file.js';

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

/** A file whose upload was cancelled half-way waits again; others stay as they are. */
export function interrupted(file: UploadFile): UploadFile {
  const { progress } = file;
  if (progress.uploadComplete || file.error || !progress.uploadStarted) return file;
  return { ...file, progress: { ...progress, uploadStarted: null, bytesUploaded: false, percentage: 0 } };
}
