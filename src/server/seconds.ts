/** Durations in the server's English messages: "0.2 s", "30 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
