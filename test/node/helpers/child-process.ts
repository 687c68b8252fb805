/** Starting a proxy process (proxy-process.ts) and talking to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ProcessMemory, ProcessRoutes } from './proxy-process.js';

export interface ProxyProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`; routes are `${origin}/${route}/upload`. */
  origin: string;
  /** Heap and buffers (external, which includes arrayBuffers) after forced GCs. */
  memory(): Promise<ProcessMemory>;
  /** Sends a command and waits for the answer of the same type. */
  ask<T = Record<string, number>>(type: 'baseline' | 'report'): Promise<T>;
  stop(): Promise<void>;
}

/** `v8Flags` for the child, besides --expose-gc: none for a process as any server runs it. */
export async function startProxyProcess(secret: string, routes: ProcessRoutes, v8Flags: readonly string[] = []): Promise<ProxyProcess> {
  const child = fork(new URL('./proxy-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--no-warnings', ...v8Flags],
    env: { ...process.env, PROXY_PROCESS: JSON.stringify({ secret, routes }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  const ask = async <T>(type: string): Promise<T> => {
    child.send({ type });
    for (;;) {
      const [message] = (await once(child, 'message')) as [{ type: string }];
      if (message.type === type) return message as T;
    }
  };
  return {
    child,
    origin: `http://127.0.0.1:${ready.port}`,
    memory: () => ask<ProcessMemory>('memory'),
    ask,
    async stop() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = once(child, 'exit');
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
