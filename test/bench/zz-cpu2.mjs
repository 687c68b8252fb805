import { build } from 'esbuild';
import { openBenchPage } from './bench-page.js';
const b = async (e) => (await build({ entryPoints: [e], bundle: true, format: 'esm', write: false, minify: true, logLevel: 'silent' })).outputFiles[0].text;
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
const names = (process.env.NAMES ?? 'uppy,el,elNoBitmap').split(',');
const res = Object.fromEntries(names.map((n) => [n, { cpu: [], wall: [], frames: [] }]));
for (const n of names) { await page.evaluate(`prep('${n}')`); await page.evaluate('v.send().then(() => v.end())'); }
for (let r = 0; r < 6; r++) for (const which of names) {
  await page.evaluate(`prep('${which}')`);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const t = Date.now();
  await page.evaluate('v.send()');
  const wall = Date.now() - t;
  const ev = JSON.parse(await browser.stopTracing()).traceEvents;
  await page.evaluate('v.end()');
  const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  res[which].cpu.push(tasks.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000);
  res[which].wall.push(wall);
  res[which].frames.push(ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'FireAnimationFrame').length);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const n of names) console.log(n.padEnd(12), 'main CPU', med(res[n].cpu).toFixed(0), 'ms; wall', med(res[n].wall), 'ms; rAF', med(res[n].frames));
await bench.close();
