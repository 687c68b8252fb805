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
  window.prep = async (name) => { window.v = await (name === 'uppy' ? variants.uppyAlone(files, 3) : variants.element(files, 'x-up')); };
});
for (const n of ['uppy', 'el']) { await page.evaluate(`prep('${n}')`); await page.evaluate('v.send().then(() => v.end())'); }
for (let r = 0; r < 3; r++) for (const which of ['uppy', 'el']) {
  await page.evaluate(`prep('${which}')`);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
  await page.evaluate('performance.mark("t0"); v.send().then(() => performance.mark("t1"))');
  const ev = JSON.parse(await browser.stopTracing()).traceEvents;
  await page.evaluate('v.end()');
  const t0 = ev.find((e) => e.name === 't0').ts; const t1 = ev.find((e) => e.name === 't1')?.ts;
  const sends = ev.filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.endsWith('/sink')).map((e) => ((e.ts - t0) / 1000).toFixed(0));
  const fins = ev.filter((e) => e.name === 'ResourceFinish').map((e) => ((e.ts - t0) / 1000).toFixed(0));
  if (which === 'el') console.log('   marks', ev.filter((e) => /^[A-F][0-9]?:/.test(e.name)).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(1)}`).join(' '));
  console.log(which, 'total', ((t1 - t0) / 1000).toFixed(0), 'sends', sends.join(','), 'finishes', fins.join(','));
  if (false) {
    const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
    const first = Number(sends[0]) * 1000 + t0;
    for (const e of ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0 - 2000 && e.ts <= first && e.dur > 100 && ['ThreadControllerImpl::RunTask', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'v8.callFunction', 'TimerFire', 'Layout', 'Paint', 'XHRLoad'].includes(e.name)))
      console.log('   ', ((e.ts - t0) / 1000).toFixed(1).padStart(6), (e.dur / 1000).toFixed(1).padStart(5), 'cpu', ((e.tdur ?? 0) / 1000).toFixed(1), e.name, e.args?.src_func ?? '', e.args?.data?.functionName ?? '');
  }
}
await bench.close();
