// `npm run bench`: every measurement, each against a baseline taken in the same run.
import { execFileSync } from 'node:child_process';

const run = (script) => execFileSync(process.execPath, [script], { stdio: 'inherit' });

console.log('== CDN bundle against its floor ==');
run('test/bench/bundle-size.js');
console.log('\n== Proxy per provider: peak RSS (50 and 200 concurrent 2 MB uploads) and throughput, against the local provider and a plain pipe to disk ==');
run('test/bench/proxy-providers.js');
console.log('\n== Scale-out: 50 concurrent 2 MB uploads through 2 instances, S3 against local disk ==');
run('test/bench/scale-out.js');
console.log('\n== Photo fitting against browser-image-compression (headless Chromium) ==');
run('test/bench/fit.js');
