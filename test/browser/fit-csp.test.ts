// The fitting engine through the element of the CDN build, in a plain page served with
// `Content-Security-Policy: script-src 'self'; worker-src 'self'`: its worker is a file of
// dist/cdn/ (never a blob: or data: URL), it starts and answers, and no request leaves the page's
// own origin on 127.0.0.1. (`npm test` builds dist/ first; run `npm run build` before this file alone.)
import { expect } from '@open-wc/testing';

interface FitReport {
  fitted: { size: number; type: string; width: number; height: number };
  complete: { mediaUrls: string[]; failed: number };
  workers: { url: string; type?: string; messages: number; errors: number }[];
  violations: string[];
  resources: string[];
  origin: string;
}

describe('fitting from the CDN build under a strict CSP', function () {
  this.timeout(240_000);

  it('fits and uploads a phone photo with the element, its chunks and its worker loaded from dist/cdn/, all on loopback', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/fit-strict-csp.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const frameWindow = frame.contentWindow as Window & { fitReport?: Promise<FitReport> };
    for (let i = 0; i < 500 && !frameWindow.fitReport; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const report = await frameWindow.fitReport!;

    expect(report.violations).to.deep.equal([]);
    expect(report.fitted.type).to.equal('image/jpeg');
    expect(report.fitted.size).to.be.at.most(2_097_152);
    expect(report.fitted.width).to.be.lessThan(report.fitted.height);
    expect(report.complete).to.deep.equal({ mediaUrls: ['http://media.server.com/phone-gps.jpg'], failed: 0 });

    expect(report.workers).to.have.length(1);
    const [worker] = report.workers;
    expect(new URL(worker!.url).pathname).to.match(/^\/dist\/cdn\/fit-worker-[\w-]+\.min\.js$/);
    expect(worker!.type).to.equal('module');
    expect(worker!.errors).to.equal(0);
    expect(worker!.messages, 'the worker answered (the main-thread fallback did not run)').to.be.above(0);

    const origin = new URL(report.origin);
    expect(origin.hostname).to.be.oneOf(['127.0.0.1', 'localhost']);
    const elsewhere = report.resources.filter((url) => new URL(url).origin !== report.origin);
    expect(elsewhere).to.deep.equal([]);
    const scripts = report.resources.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/dist/cdn/'));
    expect(scripts).to.include('/dist/cdn/mms-media-upload.min.js');
    expect(scripts.some((path) => /^\/dist\/cdn\/index-[\w-]+\.min\.js$|^\/dist\/cdn\/fit[\w-]*\.min\.js$/.test(path))).to.equal(true, 'the fitting chunk');
    frame.remove();
  });
});
