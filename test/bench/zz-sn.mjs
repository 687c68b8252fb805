import { openBenchPage } from './bench-page.js';
const bench = await openBenchPage({});
const r = await bench.page.evaluate(async () => {
  const files = Array.from({ length: 10 }, (_, i) => { const b = new Uint8Array(2097152); b.set([0xff, 0xd8, 0xff, 0xe0]); return new File([b], `p${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 }); });
  const out = [];
  for (let k = 0; k < 6; k++) {
    let t = performance.now();
    await Promise.all(files.map((f) => f.slice(0, 4096).arrayBuffer()));
    const par = performance.now() - t;
    t = performance.now();
    const all = await new Blob(files.map((f) => f.slice(0, 4096))).arrayBuffer();
    const one = performance.now() - t;
    t = performance.now();
    await Promise.all(files.map((f) => f.slice(0, 4096).stream().getReader().read()));
    const st = performance.now() - t;
    out.push(`parallel ${par.toFixed(1)}  one combined blob ${one.toFixed(1)} (${all.byteLength})  streams ${st.toFixed(1)}`);
  }
  return out;
});
console.log(r.join('\n')); await bench.close();
