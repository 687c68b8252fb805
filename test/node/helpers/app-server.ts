// A consumer app's server (test/fixtures/apps/express/) run as its own Node process, as a user runs it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consumer } from './packed.js';

/** A secret of the length the proxy asks for (32 bytes or more). */
const SECRET = 'packed-app-secret-of-at-least-32-bytes!';

export interface AppServer {
  origin: string;
  stop(): Promise<void>;
}

/** Starts `node <script>` in the app folder and waits for its "listening on <port>" line. */
export async function startApp(consumer: Consumer, script: string, env: Record<string, string> = {}): Promise<AppServer> {
  const media = mkdtempSync(join(tmpdir(), 'mms-media-'));
  const child = spawn(process.execPath, [script], {
    cwd: consumer.dir,
    env: { ...process.env, MMS_UPLOAD_SECRET: SECRET, MEDIA_DIR: media, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill();
        await exited;
      }
      rmSync(media, { recursive: true, force: true });
    },
  };
}

