/**
 * A real Redis for the tests: Debian's redis-server (`apt-get install redis-server`; `.ci/run`
 * installs it), started on a free 127.0.0.1 port without persistence, and stopped, killed or
 * started again on the same port by the test that owns it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedOrigin, tempDir, type TempDir } from './http.js';

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Whether it answers PING now. */
  ping(): Promise<boolean>;
  /** SIGKILL, as a crash: no shutdown, no goodbye to the clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was persisted). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

export async function startRedisServer(): Promise<RedisServer> {
  const port = Number(new URL(await closedOrigin()).port);
  const dir = await tempDir('redis');
  let child = await launch(port, dir);
  const killOnExit = () => child.kill('SIGKILL'); // never left behind by a test that crashed
  process.on('exit', killOnExit);
  const ping = () => pingRedis(port);
  const stopChild = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    ping,
    kill: () => stopChild('SIGKILL'),
    async restart() {
      await stopChild('SIGKILL');
      child = await launch(port, dir);
    },
    async stop() {
      process.off('exit', killOnExit);
      await stopChild('SIGTERM');
      await dir.remove();
    },
  };
}

async function launch(port: number, dir: TempDir): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir.path, '--loglevel', 'warning'];
  const child = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`cannot start ${BINARY} (apt-get install redis-server): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${BINARY} exited with code ${code} at start`)));
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(port))) {
    await Promise.race([sleep(20), failed]);
    if (Date.now() > deadline) throw new Error(`${BINARY} did not answer PING on port ${port}`);
  }
  return child;
}

/** PING over a plain socket: +PONG means it is up. */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}
