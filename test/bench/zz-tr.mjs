import { bundle, openBenchPage } from './bench-page.js';
const timeline = [];
const bench = await openBenchPage({
  scripts: { '/variants.js': await bundle('test/bench/upload-variants.js') },
  async handle(req, res) { if (req.url !== '/sink') return false; const s = Date.now(); for await (const _ of req); timeline.push([s, Date.now()]); res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"media_url":"https://m.example.test/a.jpg"}'); return true; },
});
const { page, browser } = bench;
await page.evaluate(async () => {
  window.variants = await import('/variants.js');
  await import('/dist/cdn/mms-media-upload.min.js');
  window.files = Array.from({ length: 10 }, (_, i) => { const b = new Uint8Array(2097152); b.set([0xff, 0xd8, 0xff, 0xe0]); return new File([b], `p${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 }); });
  window.go = async (name) => { const v = await (name === 'el' ? variants.element(files) : variants.uppyAlone(files, 3)); performance.mark('t0'); await v.send(); performance.mark('t1'); v.end(); };
});
for (let i = 0; i < 3; i++) await page.evaluate(`go('el')`);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
await page.evaluate(`go('el')`);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf).traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid);
const t0 = mine.find((e) => e.name === 't0').ts, t1 = mine.find((e) => e.name === 't1').ts;
const tasks = mine.filter((e) => e.name === 'RunTask' && e.ts >= t0 - 1000 && e.ts <= t1 && e.dur > 300);
let busy = 0;
for (const t of tasks) {
  busy += t.dur;
  const kids = mine.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 200 && e.name !== 'RunTask').slice(0, 6).map((e) => `${e.name}${e.args?.data?.type ? ':' + e.args.data.type : ''}${e.args?.data?.functionName ? ':' + e.args.data.functionName : ''} ${(e.dur / 1000).toFixed(1)}`);
  console.log(((t.ts - t0) / 1000).toFixed(1).padStart(6), (t.dur / 1000).toFixed(1).padStart(5), kids.join(' | '));
}
console.log('total', ((t1 - t0) / 1000).toFixed(0), 'busy', (busy / 1000).toFixed(0));
await bench.close();
