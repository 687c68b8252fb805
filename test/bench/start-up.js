// Start-up in headless Chromium: the element of the CDN build against a minimal Lit element, in
// paired, interleaved rounds. Cold: a fresh page (empty cache) with the element in its HTML, from
// navigation to the element's first render: loading, parsing and running its script included.
// Warm: the script already there, from `createElement` to the first render.
import { bundle, openBenchPage } from './bench-page.js';
import { median, ms, report } from './report.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const CONTENDERS = {
  element: { tag: 'mms-media-upload', script: '/dist/cdn/mms-media-upload.min.js' },
  minimal: { tag: 'minimal-lit', script: '/minimal-lit.js' },
};

/** A page with one element in its HTML that records when the element first rendered. */
const coldPage = ({ tag, script }) => `<!doctype html><meta charset="utf-8"><title>start-up</title>
<${tag} endpoint="/upload"></${tag}>
<script type="module" src="${script}"></script>
<script type="module">
  await customElements.whenDefined('${tag}');
  await document.querySelector('${tag}').updateComplete;
  window.firstRender = performance.now();
</script>`;

const bench = await openBenchPage({
  scripts: { '/minimal-lit.js': await bundle('test/bench/minimal-lit.js') },
  handle(request, response) {
    const name = /^\/cold\/(\w+)$/.exec(request.url)?.[1];
    if (!CONTENDERS[name]) return false;
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(coldPage(CONTENDERS[name]));
    return true;
  },
});
const { browser, page, origin } = bench;
await page.evaluate(async (scripts) => Promise.all(scripts.map((script) => import(script))), Object.values(CONTENDERS).map((contender) => contender.script));

async function cold(name) {
  const context = await browser.newContext(); // an empty cache
  try {
    const coldTab = await context.newPage();
    await coldTab.goto(`${origin}/cold/${name}`);
    return await coldTab.waitForFunction(() => window.firstRender).then((handle) => handle.jsonValue());
  } finally {
    await context.close();
  }
}

function warm(name) {
  return page.evaluate(async (tag) => {
    const start = performance.now();
    const element = document.createElement(tag);
    element.setAttribute('endpoint', '/upload');
    document.body.append(element);
    await element.updateComplete;
    const took = performance.now() - start;
    element.remove();
    return took;
  }, CONTENDERS[name].tag);
}

const names = Object.keys(CONTENDERS);
for (const name of names) await cold(name), await warm(name); // warm-up
const results = Object.fromEntries(names.map((name) => [name, { cold: [], warm: [] }]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const name of round % 2 ? [...names].reverse() : names) {
    results[name].cold.push(await cold(name));
    results[name].warm.push(await warm(name));
  }
}
await bench.close();

const of = (name, key) => median(results[name][key]);
const paired = (key) => `${median(results.element[key].map((value, round) => value / results.minimal[key][round])).toFixed(2)}×`;
const MINIMAL = 'a minimal Lit element';
report(`Start-up, headless Chromium, ${ROUNDS} paired rounds (medians)`, [
  { measure: 'start-up cold: navigation → first render (CDN build)', ours: ms(of('element', 'cold')), against: MINIMAL, baseline: ms(of('minimal', 'cold')), ratio: paired('cold'), goal: '' },
  { measure: 'start-up warm: createElement → first render', ours: ms(of('element', 'warm'), 1), against: MINIMAL, baseline: ms(of('minimal', 'warm'), 1), ratio: paired('warm'), goal: '' },
]);
