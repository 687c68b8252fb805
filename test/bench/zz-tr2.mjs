import { build } from 'esbuild';
import { openBenchPage } from './bench-page.js';
const b = async (e) => (await build({ entryPoints: [e], bundle: true, format: 'esm', write: false, minify: false, logLevel: 'silent' })).outputFiles[0].text;
const bench = await openBenchPage({
  scripts: { '/variants.js': await b('test/bench/upload-variants.js'), '/npm.js': await b('dist/index.js') },
  async handle(req, res) { if (req.url !== '/sink') return false; for await (const _ of req); res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"media_url":"https://m.example.test/a.jpg"}'); return true; },
});
const { page, browser } = bench;
await page.evaluate(async () => {
  window.variants = await import('/variants.js');
  const npm = await import('/npm.js');
  customElements.define('x-up', class extends npm.MmsMediaUpload {});
  window.files = Array.from({ length: 10 }, (_, i) => { const b = new Uint8Array(2097152); b.set([0xff, 0xd8, 0xff, 0xe0]); return new File([b], `p${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 }); });
  window.realCIB = createImageBitmap;
  window.prep = async (name) => { window.createImageBitmap = name === 'elNoBitmap' ? () => Promise.reject(new Error('off')) : realCIB; window.v = await (name === 'uppy' ? variants.uppyAlone(files, 3) : variants.element(files, 'x-up')); };
});
for (const which of ['uppy', 'el']) {
  for (let i = 0; i < 2; i++) { await page.evaluate(`prep('${which}')`); await page.evaluate('v.send().then(() => v.end())'); }
  const agg = {}; let runs = 4;
  for (let r = 0; r < runs; r++) {
    await page.evaluate(`prep('${which}')`);
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    await page.evaluate('v.send()');
    const ev = JSON.parse(await browser.stopTracing()).traceEvents;
    await page.evaluate('v.end()');
    const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
    const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
    for (const t of mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) {
      const key = `${t.args?.src_file?.split('/').slice(-2).join('/')}:${t.args?.src_func}`;
      // self = task minus JS/render children
      const kids = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && ['FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'XHRLoad', 'XHRReadyStateChange', 'EventDispatch', 'TimerFire', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'MinorGC', 'MajorGC', 'v8.callFunction'].includes(e.name));
      // only top-level kids
      const top = kids.filter((k) => !kids.some((o) => o !== k && o.ts <= k.ts && o.ts + o.dur >= k.ts + k.dur));
      const self = t.dur - top.reduce((s, k) => s + k.dur, 0);
      agg[key] = agg[key] ?? { n: 0, total: 0, self: 0 };
      agg[key].n++; agg[key].total += t.dur; agg[key].self += self;
      for (const k of top) { const kk = `  >${k.name}`; agg[kk] = agg[kk] ?? { n: 0, total: 0, self: 0 }; agg[kk].n++; agg[kk].total += k.dur; agg[kk].self += k.dur; }
    }
  }
  console.log('==', which);
  for (const [k, v] of Object.entries(agg).sort((a, b) => b[1].total - a[1].total).slice(0, 25)) console.log((v.total / 1000 / runs).toFixed(1).padStart(7), (v.self / 1000 / runs).toFixed(1).padStart(7), String(Math.round(v.n / runs)).padStart(5), k);
}
await bench.close();
