import { readFileSync } from 'node:fs';
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
  window.prep = async (name) => { window.__ab = { A: {}, B: { thumbs: 1 }, C: { thumbs: 1, render: 1 }, D: { thumbs: 1, render: 1, sniff: 1 } }[name] ?? {}; window.createImageBitmap = name === 'elNoBitmap' ? () => Promise.reject(new Error('off')) : realCIB; window.v = await (name === 'uppy' ? variants.uppyAlone(files, 3) : name === 'xhr' ? variants.rawXhr(files) : variants.element(files, 'x-up')); };
});
const bs = await browser.newBrowserCDPSession();
const procs = (await bs.send('SystemInfo.getProcessInfo')).processInfo;
import { readdirSync } from 'node:fs';
const ticks = () => { const out = {}; for (const p of procs) { let tids = []; try { tids = readdirSync(`/proc/${p.id}/task`); } catch {} for (const tid of tids) { try { const raw = readFileSync(`/proc/${p.id}/task/${tid}/stat`, 'utf8'); const name = raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')')); const f = raw.split(') ')[1].split(' '); const k = p.type.slice(0, 8) + '/' + name.replace(/[0-9]+$/, '#') + ':' + p.id + '/' + tid; out[k] = (Number(f[11]) + Number(f[12])) * 10; } catch {} } } return out; };
const self = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const names = ['uppy', 'A', 'B', 'C', 'D'];
const res = {};
for (const n of names) { await page.evaluate(`prep('${n}')`); await page.evaluate('v.send().then(() => v.end())'); }
for (let r = 0; r < 8; r++) for (const n of names) {
  await page.evaluate(`prep('${n}')`);
  const a = ticks(); const s0 = self(); const t = Date.now();
  await page.evaluate('v.send()');
  const wall = Date.now() - t; const b2 = ticks(); const s1 = self();
  await page.evaluate('v.end()');
  res[n] ??= [];
  const row = { wall, node: s1 - s0 };
  for (const k of Object.keys(a)) { const kk = k.split(':')[0]; row[kk] = (row[kk] ?? 0) + (b2[k] ?? a[k]) - a[k]; }
  res[n].push(row);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const keys = [...new Set(names.flatMap((n) => res[n].flatMap((r) => Object.keys(r))))].filter((k) => names.some((n) => res[n].reduce((s, r) => s + (r[k] ?? 0), 0) > 0));
console.log('thread'.padEnd(40), names.map((n) => n.padStart(10)).join(''));
for (const k of keys) console.log(k.padEnd(40), names.map((n) => (res[n].reduce((s, r) => s + (r[k] ?? 0), 0) / res[n].length).toFixed(0).padStart(10)).join(''));
await bench.close();
