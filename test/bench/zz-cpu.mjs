import { build } from 'esbuild';
import { openBenchPage } from './bench-page.js';
const b = async (e) => (await build({ entryPoints: [e], bundle: true, format: 'esm', write: false, minify: false, logLevel: 'silent' })).outputFiles[0].text;
const bench = await openBenchPage({
  scripts: { '/variants.js': await b('test/bench/upload-variants.js'), '/npm.js': await b('dist/index.js') },
  async handle(req, res) { if (req.url !== '/sink') return false; for await (const _ of req); res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"media_url":"https://m.example.test/a.jpg"}'); return true; },
});
const { page } = bench;
await page.evaluate(async () => {
  window.variants = await import('/variants.js');
  const npm = await import('/npm.js');
  customElements.define('x-up', class extends npm.MmsMediaUpload {});
  window.files = Array.from({ length: 10 }, (_, i) => { const b = new Uint8Array(2097152); b.set([0xff, 0xd8, 0xff, 0xe0]); return new File([b], `p${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 }); });
  window.realCIB = createImageBitmap; window.prep = async (name) => { window.createImageBitmap = name === 'elNoBitmap' ? () => Promise.reject(new Error('off')) : realCIB; window.v = await variants.element(files, 'x-up'); };
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
for (const which of ['el', 'elNoBitmap']) {
  for (let i = 0; i < 2; i++) { await page.evaluate(`prep('${which}')`); await page.evaluate('v.send().then(() => v.end())'); }
  const self = {}; const total = {}; let wall = 0;
  for (let i = 0; i < 8; i++) {
    await page.evaluate(`prep('${which}')`);
    await cdp.send('Profiler.start');
    const t = Date.now();
    await page.evaluate('v.send()');
    wall += Date.now() - t;
    const { profile } = await cdp.send('Profiler.stop');
    await page.evaluate('v.end()');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, k) => {
      const dt = (profile.timeDeltas[k] ?? 0) / 1000;
      const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self[key] = (self[key] ?? 0) + dt;
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) { const m = byId.get(cur); const k2 = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').pop()}:${m.callFrame.lineNumber}`; if (seen.has(k2)) continue; seen.add(k2); total[k2] = (total[k2] ?? 0) + dt; }
    });
  }
  const busy = Object.entries(self).filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
  console.log(`== ${which}: wall ${(wall / 8).toFixed(0)} ms/run, busy ${(busy / 8).toFixed(0)} ms/run`);
  console.log(' self:'); for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log('   ', (v / 8).toFixed(1).padStart(6), k);
  console.log(' total:'); for (const [k, v] of Object.entries(total).filter(([k]) => k.includes('npm.js') || k.includes('variants')).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log('   ', (v / 8).toFixed(1).padStart(6), k);
}
await bench.close();
