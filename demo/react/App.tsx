// <mms-media-upload> in React 19, with no wrapper and no refs: React 19 sets the props the
// element has as properties (`strings` below), the others as attributes (`signature-endpoint`),
// and turns an `on` + event-name prop into addEventListener(event-name), case kept as written:
// `onmedia-url` listens to `media-url` (`onMediaUrl` would listen to "MediaUrl").
// JSX typing of the tag: `mms-media-upload/react` (here ../../src/react.ts, imported below).
import { useState, type FormEvent } from 'react';
import type { FileRejectedDetail, MediaUrlDetail, MmsMediaUploadStrings, UploadErrorDetail } from '../../src/index.js';
import type {} from '../../src/react.js'; // <mms-media-upload> in JSX, as `mms-media-upload/react` gives it

// An object-valued property: defined once, so each render hands the element the same object.
const strings: Partial<MmsMediaUploadStrings> = { dropLabel: 'Drop photos, videos or PDFs for your message' };

export function App() {
  const [mediaUrls, setMediaUrls] = useState<string[]>([]);
  const [messages, setMessages] = useState<string[]>([]);
  const [posted, setPosted] = useState<string | null>(null);

  const onMediaUrl = (event: CustomEvent<MediaUrlDetail>) => setMediaUrls((urls) => [...urls, event.detail.mediaUrl]);
  const onProblem = (event: CustomEvent<FileRejectedDetail | UploadErrorDetail>) =>
    setMessages((list) => [...list, event.detail.message]);

  // The element is form-associated: the browser puts one `media` entry per uploaded media URL
  // into the form data. (A React 19 `<form action={fn}>` gets the same FormData, but React
  // resets the form after the action, and a reset empties the element's file list.)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entries = [...new FormData(event.currentTarget)].map(([key, value]) => `${key}=${String(value)}`);
    setPosted(entries.join('\n'));
  };

  return (
    <>
      <nav aria-label="Demos">
        <a href="/demo/">Plain HTML</a>
        <a href="/demo/react/" aria-current="page">React 19</a>
        <a href="/demo/vue/">Vue 3</a>
        <a href="/demo/cdn.html">CDN script tag</a>
      </nav>
      <h1>Attach media to a message (React 19)</h1>
      <p>
        Props, <code>on</code>-event props and the form value, without a wrapper. Files go through the signed proxy
        (local storage by default).
      </p>
      <form id="message" method="post" onSubmit={onSubmit}>
        <label htmlFor="body">Message</label>
        <textarea id="body" name="body" rows={3} defaultValue="Hello from React" />

        <label id="attach-label">Attachments</label>
        <mms-media-upload
          aria-labelledby="attach-label"
          name="media"
          endpoint="/api/media-upload/upload"
          signature-endpoint="/api/media-upload/sign"
          required
          strings={strings}
          onmedia-url={onMediaUrl}
          onupload-error={onProblem}
          onfile-rejected={onProblem}
        />

        <p>
          <button type="submit">Send</button>
        </p>
      </form>

      <section>
        <h2>Media URLs received</h2>
        <ul id="urls">
          {mediaUrls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">
                {url}
              </a>
            </li>
          ))}
        </ul>
        <h2>Messages</h2>
        <ul id="log" role="log">
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
        <h2>What the form would post</h2>
        <pre id="posted">{posted ?? '(submit the form)'}</pre>
      </section>
    </>
  );
}
