// Safe retries end to end, in the browser: the element's own retries (same Idempotency-Key)
// → the real proxy (createMediaProxy under toNodeHandler, in the test server) → a mock Plivo on
// loopback that counts the POSTs it gets. The test server (test/helpers/proxy-endpoints.js) cuts
// connections, holds or hangs the provider on request, and reports what reached the proxy and
// the provider; the page logs each XMLHttpRequest the element makes (test/helpers/upload-attempts.ts).
import { expect } from '@open-wc/testing';
import type { MediaUrlDetail, UploadCompleteDetail, UploadErrorDetail } from '../../src/events.js';
import { FRENCH } from '../../src/locales/fr.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';
import { announcedFailures, collect, untilComplete, uploader } from '../helpers/element.js';
import { jpegBytes, pngBytes, sampleFile } from '../helpers/sample-files.js';
import { watchUploadAttempts, type AttemptLog } from '../helpers/upload-attempts.js';

/** One upload request as the proxy got it (see proxy-endpoints.js). */
interface ProxiedUpload {
  file: string;
  attempt: number;
  key: string | null;
  /** The status the proxy answered; null when its answer was never written (the browser went away, or the test server cut it). */
  status: number | null;
  replayed: boolean;
  /** The proxy answered, and the test server destroyed the socket instead of writing the answer. */
  cut: boolean;
}

interface BenchState {
  uploads: ProxiedUpload[];
  /** The file name of each POST the provider got. */
  providerPosts: string[];
}

/** One of the test server's proxies, steered through its control routes. */
function bench(prefix: string) {
  const control = async (action: string, query = '') => {
    const response = await fetch(`${prefix}/control/${action}${query}`, { method: 'POST' });
    expect(response.status, `${prefix}/control/${action}`).to.equal(200);
  };
  const state = async (): Promise<BenchState> => (await fetch(`${prefix}/control/state`)).json();
  return {
    reset: () => control('reset'),
    /** The proxy's 200 to the first attempt of `file` never reaches the browser. */
    cutFirstAnswer: (file: string) => control('cut', `?file=${encodeURIComponent(file)}`),
    hold: () => control('hold'),
    release: () => control('release'),
    hangOnce: () => control('hang-once'),
    state,
    async uploadsOf(file: string): Promise<ProxiedUpload[]> {
      return (await state()).uploads.filter((upload) => upload.file === file);
    },
    async providerPostsOf(file: string): Promise<number> {
      return (await state()).providerPosts.filter((name) => name === file).length;
    },
  };
}

const retries = bench('/proxy-retries');
const timeouts = bench('/proxy-timeout');
const narrow = bench('/proxy-narrow');

const PLIVO_MEDIA_URL = /^https:\/\/media\.plivo\.com\/Account\/MAODUMMYAUTHID0000\/Media\/[0-9a-f-]{36}$/;

const photo = (name: string, size = 3000) => sampleFile(jpegBytes(size), name, 'image/jpeg');

/** Polls until `check` holds (no timing is asserted: the runner's timeout is the limit). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; !(await check()); tries += 1) {
    if (tries > 400) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The element's events during one upload. */
function eventsOf(element: MmsMediaUpload) {
  return {
    mediaUrls: collect<CustomEvent<MediaUrlDetail>>(element, 'media-url'),
    errors: collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error'),
    completes: collect<CustomEvent<UploadCompleteDetail>>(element, 'upload-complete'),
  };
}

/** Exactly one media-url, for `file`, no upload-error, and upload-complete with that URL. */
function expectOneMediaUrl(events: ReturnType<typeof eventsOf>, complete: UploadCompleteDetail, file: string): string {
  expect(events.errors.map((event) => event.detail.message), 'upload-error events').to.deep.equal([]);
  expect(events.mediaUrls, 'media-url events').to.have.length(1);
  const { mediaUrl } = events.mediaUrls[0]!.detail;
  expect(mediaUrl).to.match(PLIVO_MEDIA_URL);
  expect(events.mediaUrls[0]!.detail.file.name).to.equal(file);
  expect(complete).to.deep.equal({ mediaUrls: [mediaUrl], failed: 0 });
  expect(events.completes, 'upload-complete events').to.have.length(1);
  return mediaUrl;
}

/** The media URL a proxy answer names. */
const mediaUrlIn = (body: string | undefined) => (JSON.parse(body ?? '{}') as { media_url?: string }).media_url;
const codeIn = (body: string | undefined) => (JSON.parse(body ?? '{}') as { code?: string }).code;

describe('safe retries: element → real proxy → mock Plivo', () => {
  let log: AttemptLog;
  beforeEach(async () => {
    await Promise.all([retries.reset(), timeouts.reset(), narrow.reset()]);
    log = watchUploadAttempts(/\/proxy-(retries|timeout|narrow)\/upload$/);
  });
  afterEach(async () => {
    log.restore();
    // Never leave a provider held for the next test.
    await Promise.all([retries.reset(), timeouts.reset(), narrow.reset()]);
  });

  it('(a) a 200 lost on the way back: the retry gets the stored answer, and the provider got one POST', async () => {
    const name = 'answer-lost.jpg';
    await retries.cutFirstAnswer(name);
    const element = await uploader('endpoint="/proxy-retries/upload" signature-endpoint="/proxy-retries/sign"');
    const events = eventsOf(element);
    const complete = await untilComplete(element, () => element.addFiles([photo(name)]));

    const mediaUrl = expectOneMediaUrl(events, complete, name);
    expect(await retries.providerPostsOf(name), 'provider POSTs').to.equal(1);

    // The page: a first attempt that lost its connection, then the element's own retry, with the
    // same key, answered with the stored answer.
    const attempts = log.of(name);
    expect(attempts.map((attempt) => attempt.status), 'statuses the page saw').to.deep.equal([0, 200]);
    expect(attempts[0]!.key).to.match(/^[0-9a-f]{32}$/);
    expect(attempts[1]!.key).to.equal(attempts[0]!.key);
    expect(attempts[1]!.replayed).to.equal('true');
    expect(mediaUrlIn(attempts[1]!.body)).to.equal(mediaUrl);

    // The proxy: it had answered the first attempt 200 (the answer the browser never got); every
    // request of the file carried the one key; the element's retry was a replay.
    const uploads = await retries.uploadsOf(name);
    expect(uploads[0]).to.deep.include({ attempt: 1, status: 200, replayed: false, cut: true });
    expect(uploads.every((upload) => upload.key === attempts[0]!.key), 'one key on every request').to.equal(true);
    const retried = uploads.filter((upload) => upload.attempt === 2);
    expect(retried).to.have.length(1);
    expect(retried[0]).to.deep.include({ status: 200, replayed: true, cut: false });
    expect(element.files.map((file) => file.status)).to.deep.equal(['uploaded']);
  });

  it('(b) a stall while the provider is slow: the retry waits for the first attempt and gets its answer, one POST', async () => {
    const name = 'slow-provider.jpg';
    await retries.hold();
    const element = await uploader('endpoint="/proxy-retries/upload" signature-endpoint="/proxy-retries/sign" upload-timeout="500"');
    const events = eventsOf(element);
    const done = untilComplete(element, () => element.addFiles([photo(name)]));
    // The watchdog gives up on the first attempt while the provider still holds it; release the
    // provider once the element's retry has reached the proxy.
    await until(async () => (await retries.uploadsOf(name)).some((upload) => upload.attempt === 2), 'the retry to reach the proxy');
    await retries.release();
    const complete = await done;

    const mediaUrl = expectOneMediaUrl(events, complete, name);
    const attempts = log.of(name);
    expect(attempts.map((attempt) => attempt.status), 'statuses the page saw').to.deep.equal([0, 200]);
    expect(attempts[1]!.key).to.equal(attempts[0]!.key);
    expect(mediaUrlIn(attempts[1]!.body)).to.equal(mediaUrl);
    const posts = await retries.providerPostsOf(name);
    expect(posts, 'provider POSTs: the first attempt must go on when the browser stops waiting for it, and the retry wait for it').to.equal(1);
    expect(attempts[1]!.replayed, 'the retry got the stored answer of the first attempt').to.equal('true');
    const uploads = await retries.uploadsOf(name);
    expect(uploads.map((upload) => upload.attempt)).to.deep.equal([1, 2]);
    expect(uploads[1]).to.deep.include({ status: 200, replayed: true });
  });

  it('(c) a provider timeout (504): the retry forwards again (two POSTs), and the element ends with one media URL', async () => {
    const name = 'provider-timeout.jpg';
    await timeouts.hangOnce();
    const element = await uploader('endpoint="/proxy-timeout/upload" signature-endpoint="/proxy-timeout/sign"');
    const events = eventsOf(element);
    const complete = await untilComplete(element, () => element.addFiles([photo(name)]));

    const mediaUrl = expectOneMediaUrl(events, complete, name);
    expect(await timeouts.providerPostsOf(name), 'provider POSTs').to.equal(2);

    const attempts = log.of(name);
    expect(attempts.map((attempt) => attempt.status), 'statuses the page saw').to.deep.equal([504, 200]);
    expect(codeIn(attempts[0]!.body)).to.equal('provider-timeout');
    expect(attempts[1]!.key).to.equal(attempts[0]!.key);
    expect(attempts[1]!.replayed, 'a fresh answer, not a replay').to.equal(null);
    expect(mediaUrlIn(attempts[1]!.body)).to.equal(mediaUrl);

    const uploads = await timeouts.uploadsOf(name);
    expect(uploads.map((upload) => [upload.attempt, upload.status, upload.replayed])).to.deep.equal([
      [1, 504, false],
      [2, 200, false],
    ]);
  });

  it('(d) a French page gets the proxy’s own 415 and 413 and shows them in French', async () => {
    // The element accepts PNG and 1 MB; the proxy takes JPEG only, 4 KB at most. The signature
    // comes from a proxy with the same secret and wider limits, so that nothing refuses the files
    // before the upload route of /proxy-narrow does.
    const element = await uploader(
      'lang="fr" endpoint="/proxy-narrow/upload" signature-endpoint="/proxy-retries/sign" max-file-size="1048576" accept="image/jpeg,image/png"',
    );
    element.strings = FRENCH;
    const events = eventsOf(element);
    const rejected = collect(element, 'file-rejected');
    const complete = await untilComplete(element, () =>
      element.addFiles([sampleFile(pngBytes(3000), 'capture.png', 'image/png'), photo('vacances.jpg', 6144)]),
    );

    expect(rejected, 'nothing refused in the browser').to.have.length(0);
    expect(events.mediaUrls).to.have.length(0);
    expect(complete).to.deep.equal({ mediaUrls: [], failed: 2 });
    const typeSentence = 'capture.png n’est pas d’un type autorisé\u00a0; types autorisés\u00a0: JPEG';
    const sizeSentence = 'vacances.jpg pèse 6 ko\u00a0; la limite est de 4 ko';
    const byName = (name: string) => events.errors.find((event) => event.detail.file.name === name)?.detail;
    expect(events.errors).to.have.length(2);
    expect(byName('capture.png')).to.deep.include({ reason: 'type-not-allowed', status: 415, message: typeSentence });
    expect(byName('vacances.jpg')).to.deep.include({ reason: 'file-too-large', status: 413, message: sizeSentence });
    expect([...announcedFailures(element)].sort()).to.deep.equal([sizeSentence, typeSentence].sort());
    expect(element.files.map((file) => [file.name, file.error])).to.have.deep.members([
      ['capture.png', typeSentence],
      ['vacances.jpg', sizeSentence],
    ]);

    // The refusals came from the proxy (once each: 4xx are not retried), and nothing reached the provider.
    expect((await narrow.uploadsOf('capture.png')).map((upload) => upload.status)).to.deep.equal([415]);
    expect((await narrow.uploadsOf('vacances.jpg')).map((upload) => upload.status)).to.deep.equal([413]);
    expect(codeIn(log.of('capture.png')[0]?.body)).to.equal('type-not-allowed');
    expect(codeIn(log.of('vacances.jpg')[0]?.body)).to.equal('file-too-large');
    expect(log.attempts).to.have.length(2);
    expect((await narrow.state()).providerPosts).to.deep.equal([]);
  });
});
