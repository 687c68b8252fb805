// React 19 usage of <mms-media-upload>, type-checked by test/node/typings.test.ts. Every
// `@ts-expect-error` marks a misuse that must stay an error.
import type {} from 'mms-media-upload/react';
import type { MediaUrlDetail, MmsMediaUpload, UploadCompleteDetail } from 'mms-media-upload';
import { FRENCH } from 'mms-media-upload/locales/fr';
import { useRef, useState } from 'react';

export function MessageForm() {
  const ref = useRef<MmsMediaUpload>(null);
  const [urls, setUrls] = useState<readonly string[]>([]);
  return (
    <form method="post" action="/messages">
      <mms-media-upload
        ref={ref}
        id="media"
        className="uploader"
        name="media"
        provider="plivo"
        endpoint="/api/media-upload/upload"
        signature-endpoint="/api/media-upload/sign"
        method="PUT"
        fieldName="file"
        maxFiles={3}
        max-file-size="3932160"
        maxTotalSize={10_485_760}
        accept="image/*,video/mp4"
        required
        disabled={false}
        manual
        uploadTimeout={30_000}
        pasteTarget="body"
        value={urls}
        strings={{ ...FRENCH, browse: 'Parcourir' }}
        signer={async (files) => ({ headers: { 'X-Files': String(files.length) }, expires_at: '2030-01-01T00:00:00Z' })}
        parseResponse={(body, request) => ({ mediaUrl: String(JSON.parse(body).url), mediaId: request.statusText })}
        onmedia-url={(event) => setUrls((previous) => [...previous, event.detail.mediaUrl])}
        onfile-rejected={(event) => console.warn(event.detail.reason, event.detail.file.type, event.detail.message)}
        onupload-error={(event) => console.warn(event.detail.message, event.detail.status ?? 'no response')}
        onupload-complete={(event: CustomEvent<UploadCompleteDetail>) => console.log(event.detail.mediaUrls, event.detail.failed)}
        onChange={(event) => setUrls(event.currentTarget.value)}
      >
        <span slot="label">Photos</span>
      </mms-media-upload>
    </form>
  );
}

export function Misuses() {
  return (
    <>
      {/* @ts-expect-error maxFiles is a number */}
      <mms-media-upload maxFiles="3" />
      {/* @ts-expect-error provider is one of the presets */}
      <mms-media-upload provider="plivoo" />
      {/* @ts-expect-error method is POST or PUT */}
      <mms-media-upload method="GET" />
      {/* @ts-expect-error required is a boolean */}
      <mms-media-upload required="yes" />
      {/* @ts-expect-error files is read-only */}
      <mms-media-upload files={[]} />
      {/* @ts-expect-error strings are strings or functions returning strings */}
      <mms-media-upload strings={{ browse: 3 }} />
      {/* @ts-expect-error parseResponse returns { mediaUrl } */}
      <mms-media-upload parseResponse={() => ({ url: 'https://example.com/a.jpg' })} />
      <mms-media-upload
        onmedia-url={(event) => {
          // @ts-expect-error the detail has mediaUrl, not url
          console.log(event.detail.url);
        }}
        onupload-error={(event) => {
          // @ts-expect-error status is number | undefined
          const status: number = event.detail.status;
          console.log(status);
        }}
      />
      {/* @ts-expect-error an upload-complete listener does not receive a media-url event */}
      <mms-media-upload onupload-complete={(event: CustomEvent<MediaUrlDetail>) => console.log(event.detail.mediaUrl)} />
    </>
  );
}
