// Server commands that trace the page's main thread through the DevTools protocol, for the
// fitting tests: every task the renderer's main thread ran, with its wall time and its CPU time.
// On a shared two-core machine a task's wall time includes the time the OS gave the core to
// someone else; its CPU time is what the page's own code cost.
// In a test: `executeServerCommand('main-thread-trace-start')`, then `…-stop` → [{ wallMs, cpuMs }].
const LONG_MS = 50;
/** A task, as the 'toplevel' category names it (in this Chromium, and in older ones). */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export function mainThreadTrace() {
  const traces = new Map();
  return {
    name: 'main-thread-trace',
    async executeCommand({ command, session }) {
      if (command === 'main-thread-trace-start') {
        const client = await session.browser.getPage(session.id).createCDPSession();
        const events = [];
        client.on('Tracing.dataCollected', ({ value }) => events.push(...value));
        const complete = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
        await client.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
        traces.set(session.id, { client, events, complete });
        return true;
      }
      if (command === 'main-thread-trace-stop') {
        const trace = traces.get(session.id);
        if (!trace) return undefined;
        traces.delete(session.id);
        await trace.client.send('Tracing.end');
        await trace.complete;
        await trace.client.detach();
        return longTasks(trace.events);
      }
      return undefined;
    },
  };
}

/** The tasks of renderer main threads that took 50 ms or more, of wall or of CPU time. */
function longTasks(events) {
  const mainThreads = new Set(
    events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  return events
    .filter((event) => TASK_EVENTS.has(event.name) && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => ({ wallMs: Math.round(event.dur / 1000), cpuMs: Math.round((event.tdur ?? event.dur) / 1000) }))
    .filter((task) => task.wallMs >= LONG_MS || task.cpuMs >= LONG_MS);
}
