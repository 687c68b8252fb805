// The demo as `npm start` serves it (Vite dev server + signed proxy, local provider), on a free
// loopback port with its own temporary data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { launchChromium } from './chromium.js';

export interface DemoServer {
  origin: string;
  /** Node's server under Vite's dev server. */
  httpServer: Server;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mms-demo-'));
  process.env.MMS_DATA_DIR = dataDir; // read by demo/server.ts when the server starts
  const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    httpServer: server.httpServer as Server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo and a headless Chromium, for the tests of one file: started before them, stopped after them. */
export interface DemoSession {
  demo: DemoServer;
  browser: Browser;
  origin: string;
}

export function demoInChromium(chromiumArgs: string[] = []): DemoSession {
  const session = {} as DemoSession;
  before(async () => {
    session.demo = await startDemoServer();
    session.origin = session.demo.origin;
    session.browser = await launchChromium(chromiumArgs);
  });
  after(async () => {
    await session.browser?.close();
    await session.demo?.close();
  });
  return session;
}
