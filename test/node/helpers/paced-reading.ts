/**
 * How a mock provider reads request bodies: at full speed, or slowly (a chunk, then a pause, as a
 * provider far away or under load does), and not at all while its reading is held. What it does
 * not read stays in the socket, so the sender feels it: the proxy's writes wait (backpressure).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReadPace {
  /** Bytes read between two pauses (a socket chunk may be larger: it then counts as several). */
  chunkBytes: number;
  /** The pause after each `chunkBytes`. */
  everyMs: number;
}

/** A switch that stops every reader until it is opened again. */
export class ReadingGate {
  private opened: Promise<void> = Promise.resolve();

  /** Stops reading now; the returned function lets every held reader go on. */
  hold(): () => void {
    let release!: () => void;
    this.opened = new Promise((resolve) => (release = resolve));
    return () => {
      this.opened = Promise.resolve();
      release();
    };
  }

  /** Resolves once reading may go on. */
  pass(): Promise<void> {
    return this.opened;
  }
}

/** The body's chunks, each read only when the gate is open, with the pace's pause after it. */
export async function* readPaced(body: AsyncIterable<Buffer>, gate: ReadingGate, pace?: ReadPace): AsyncGenerator<Buffer> {
  await gate.pass();
  for await (const chunk of body) {
    yield chunk;
    if (pace) await sleep((pace.everyMs * chunk.length) / pace.chunkBytes);
    await gate.pass();
  }
}
