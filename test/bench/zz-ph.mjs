import { bundle, openBenchPage } from './bench-page.js';
const timeline = [];
const bench = await openBenchPage({
  scripts: { '/variants.js': await bundle('test/bench/upload-variants.js') },
  async handle(req, res) { if (req.url !== '/sink') return false; const s = Date.now(); for await (const _ of req); timeline.push([s, Date.now()]); res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"media_url":"https://m.example.test/a.jpg"}'); return true; },
});
const { page } = bench;
await page.evaluate(async () => {
  window.variants = await import('/variants.js');
  await import('/dist/cdn/mms-media-upload.min.js');
  window.files = Array.from({ length: 10 }, (_, i) => { const b = new Uint8Array(2097152); b.set([0xff, 0xd8, 0xff, 0xe0]); return new File([b], `p${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 }); });
  window.go = async (name) => { const v = await (name === 'el' ? variants.element(files) : variants.uppyAlone(files, 3)); const t0 = Date.now(); await v.send(); const t1 = Date.now(); v.end(); return [t0, t1]; };
});
for (let i = 0; i < 8; i++) for (const n of ['uppy', 'el']) {
  timeline.length = 0;
  const [t0, t1] = await page.evaluate(`go('${n}')`);
  const tl = timeline.sort((a, b) => a[0] - b[0]);
  console.log(n.padEnd(5), String(t1 - t0).padStart(4), 'first req', tl[0][0] - t0, '|', tl.map(([s, e]) => `${s - t0}-${e - t0}`).join(' '), '| end', t1 - t0 - (Math.max(...tl.map((x) => x[1])) - t0));
}
await bench.close();
