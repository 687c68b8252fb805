// Server commands that read what a page cannot see of itself, through the DevTools protocol of
// the test's own Chromium: the listeners on `window`, and the JS heap after a forced collection.
// In a test: `executeServerCommand('window-listeners')`, `executeServerCommand('heap-after-gc')`.

async function withSession(session, use) {
  const page = session.browser.getPage(session.id);
  const client = await page.createCDPSession();
  try {
    return await use(client);
  } finally {
    await client.detach();
  }
}

const commands = {
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
    async executeCommand({ command, session }) {
      const run = commands[command];
      if (!run) return undefined;
      return withSession(session, (client) => run(client)());
    },
  };
}
