// A local, minimal JSX typing of <mms-media-upload> for this demo, until the package ships
// its own (`mms-media-upload/react`); then import that and delete this file.
// Attributes keep their HTML names; property-only options use their property names (React 19
// sets them as properties); events are `on` + the event's exact name.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  FileRejectedDetail,
  MediaUrlDetail,
  MmsMediaUpload,
  MmsMediaUploadStrings,
  ResponseParser,
  Signer,
  UploadCompleteDetail,
  UploadErrorDetail,
} from '../../src/index.js';

interface MmsMediaUploadJsxProps extends DetailedHTMLProps<HTMLAttributes<MmsMediaUpload>, MmsMediaUpload> {
  endpoint?: string;
  method?: 'POST' | 'PUT';
  'field-name'?: string;
  'max-files'?: number;
  'max-file-size'?: number;
  accept?: string;
  provider?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  'signature-endpoint'?: string;
  manual?: boolean;
  'upload-timeout'?: number;
  value?: string[];
  signer?: Signer;
  parseResponse?: ResponseParser;
  strings?: Partial<MmsMediaUploadStrings>;
  'onmedia-url'?: (event: CustomEvent<MediaUrlDetail>) => void;
  'onfile-rejected'?: (event: CustomEvent<FileRejectedDetail>) => void;
  'onupload-error'?: (event: CustomEvent<UploadErrorDetail>) => void;
  'onupload-complete'?: (event: CustomEvent<UploadCompleteDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mms-media-upload': MmsMediaUploadJsxProps;
    }
  }
}
