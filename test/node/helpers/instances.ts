/**
 * Several proxy processes sharing one Redis and one S3, as behind a load balancer: each is a child
 * process (test/node/helpers/instance-server.ts) on its own 127.0.0.1 port; `next()` spreads
 * requests over them round-robin. Everything they print is kept in `log`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { InstanceSettings } from './instance-server.js';

export interface Instance {
  origin: string;
  process: ChildProcess;
  /** What it printed on stderr. */
  readonly log: string;
  /** Whether the process is still running. */
  readonly alive: boolean;
}

export interface Instances {
  all: Instance[];
  /** The next instance, round-robin. */
  next(): Instance;
  stop(): Promise<void>;
}

const SCRIPT = new URL('./instance-server.ts', import.meta.url);

export async function startInstances(settings: InstanceSettings[]): Promise<Instances> {
  const all = await Promise.all(settings.map(startInstance));
  let turn = 0;
  return {
    all,
    next: () => all[turn++ % all.length]!,
    async stop() {
      await Promise.all(
        all.map(async ({ process: child, alive }) => {
          if (!alive) return;
          const exited = once(child, 'exit');
          child.send({ type: 'stop' });
          await exited;
        }),
      );
    },
  };
}

async function startInstance(settings: InstanceSettings): Promise<Instance> {
  const child = fork(SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, MMS_INSTANCE: JSON.stringify(settings) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error(`a proxy instance exited at start:\n${log}`);
    }),
  ])) as [{ type: string; port: number }];
  return {
    origin: `http://127.0.0.1:${message.port}`,
    process: child,
    get log() {
      return log;
    },
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}

/** POST …/api/upload of one file, as the element sends it. */
export function uploadTo(instance: Instance, authorization: string, bytes: Uint8Array<ArrayBuffer>, name: string, key?: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const headers: Record<string, string> = { Authorization: authorization };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  return fetch(`${instance.origin}/api/upload`, { method: 'POST', headers, body: form });
}
