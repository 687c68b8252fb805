/**
 * A multipart/form-data body built by hand, so that its length is known up front: text fields,
 * then one file streamed from disk. Names and values are written as browsers write them (the HTML
 * standard's encoding: UTF-8, `"` CR LF escaped in names, line breaks in values as CRLF).
 */
import { randomBytes } from 'node:crypto';
import { joinedBody, type SizedBody } from './sized-body.js';

export interface FormFile {
  /** The part's name ('file'). */
  field: string;
  fileName: string;
  contentType: string;
  body: SizedBody;
}

export interface MultipartBody {
  /** `multipart/form-data; boundary=…` */
  contentType: string;
  body: SizedBody;
}

export function multipartBody(fields: Iterable<readonly [string, string]>, file: FormFile): MultipartBody {
  // Random, so that no field value or file can hold it by chance.
  const boundary = `----mms-media-upload-${randomBytes(16).toString('hex')}`;
  let head = '';
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r?\n|\r/g, '\r\n')}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(file.field)}"; filename="${escapeName(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: joinedBody([Buffer.from(head, 'utf8'), file.body, Buffer.from(tail, 'utf8')]),
  };
}

/** The HTML standard's escaping of a part's name and file name. */
function escapeName(name: string): string {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}
