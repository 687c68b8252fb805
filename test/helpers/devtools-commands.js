// Server commands that read what a page cannot see of itself, through the DevTools protocol of
// the test's own Chromium: the listeners on `window`, and the JS heap after a forced collection;
// and one that changes it: a touch screen (`pointer: coarse`) or not.
// In a test: `executeServerCommand('window-listeners')`, `executeServerCommand('heap-after-gc')`,
// `executeServerCommand('touch-screen', true)`.

async function withSession(session, use) {
  const page = session.browser.getPage(session.id);
  const client = await page.createCDPSession();
  try {
    return await use(client);
  } finally {
    await client.detach();
  }
}

/** Emulation lasts as long as the DevTools session that asked for it: one per page, kept. */
const emulationSessions = new WeakMap();

async function emulationSession(session) {
  const page = session.browser.getPage(session.id);
  if (!emulationSessions.has(page)) emulationSessions.set(page, await page.createCDPSession());
  return emulationSessions.get(page);
}

const commands = {
  /** Emulates a touch screen (or stops): `(pointer: coarse)` matches while it is on. */
  'touch-screen': (client, enabled) => async () => {
    await client.send('Emulation.setTouchEmulationEnabled', { enabled: Boolean(enabled), maxTouchPoints: enabled ? 5 : 1 });
    await client.send('Emulation.setEmitTouchEventsForMouse', { enabled: Boolean(enabled), configuration: 'mobile' });
    return Boolean(enabled);
  },
  /** `{ [type]: count }` of the listeners on the page's window. */
  'window-listeners': (client) => async () => {
    const { result } = await client.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await client.send('Runtime.releaseObject', { objectId: result.objectId });
    const counts = {};
    for (const listener of listeners) counts[listener.type] = (counts[listener.type] ?? 0) + 1;
    return counts;
  },
  /** Bytes of JS heap in use once garbage has been collected. */
  'heap-after-gc': (client) => async () => {
    await client.send('HeapProfiler.collectGarbage');
    await client.send('HeapProfiler.collectGarbage');
    const { usedSize } = await client.send('Runtime.getHeapUsage');
    return usedSize;
  },
};

export function devtoolsCommands() {
  return {
    name: 'devtools-commands',
    async executeCommand({ command, payload, session }) {
      const run = commands[command];
      if (!run) return undefined;
      if (command === 'touch-screen') return run(await emulationSession(session), payload)();
      return withSession(session, (client) => run(client, payload)());
    },
  };
}
