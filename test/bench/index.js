// `npm run bench`: every measurement, each against a baseline taken in the same run.
import { execFileSync } from 'node:child_process';

const run = (script) => execFileSync(process.execPath, [script], { stdio: 'inherit' });

console.log('== CDN bundle against its floor ==');
run('test/bench/bundle-size.js');
console.log('\n== Proxy memory: 50 concurrent 2 MB uploads ==');
run('test/bench/proxy-rss.js');
console.log('\n== Scale-out: 50 concurrent 2 MB uploads through 2 instances, S3 against local disk ==');
run('test/bench/scale-out.js');
console.log('\n== Photo fitting against browser-image-compression (headless Chromium) ==');
run('test/bench/fit.js');
