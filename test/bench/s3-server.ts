/**
 * The S3 of test/bench/scale-out.js in a process of its own (as S3 is elsewhere in a deployment, the
 * load generator must not host it): test/node/helpers/s3-server.ts, answering over IPC 'ready'
 * (endpoint, bucket, public base URL), 'puts' (how many signed PUTs it stored, and its CPU time) and 'stop'.
 */
import { startS3Server } from '../node/helpers/s3-server.js';

if (!process.send) throw new Error('test/bench/s3-server.ts is started by test/bench/scale-out.js');
const s3 = await startS3Server('bench');
const send = (message: object) => process.send!(message);

process.on('message', (command: { type: string }) => {
  if (command.type === 'puts') {
    const { user, system } = process.cpuUsage();
    send({ type: 'puts', count: s3.requests.filter((request) => request.method === 'PUT' && !request.refused).length, cpuMs: (user + system) / 1000 });
  }
  if (command.type === 'stop') void s3.close().then(() => process.disconnect());
});
send({ type: 'ready', endpoint: s3.endpoint, bucket: s3.bucket, publicBaseUrl: s3.publicBaseUrl });
