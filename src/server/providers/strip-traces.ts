/**
 * A provider's error text may carry its own internals: stack frames, file paths, a Python
 * traceback. The browser gets the human words before the first of them, and nothing after.
 */

/** Where internals start. Each needs a path or a `file.ext:line`, so "at 5:30" or a URL stays. */
const INTERNALS: readonly RegExp[] = [
  // A stack frame: "at Handler.upload (/srv/app/handler.js:42:13)", "at com.acme.Upload.store(Upload.java:42)",
  // "at process.processTicksAndRejections (node:internal/process/task_queues:95:5)".
  /\s+at\s+\S[^\n]*?(?:\.[A-Za-z]{1,6}|node:[\w/]+|<anonymous>):\d+(?::\d+)?\)?/,
  /Traceback \(most recent call last\)/,
  /\bFile "[^"\n]*", line \d+/,
  // An absolute path of two segments or more ("/srv/app/x.jpg"), not the "//" of a URL.
  /(?:^|(?<=[\s'"(=,[]))\/[\w.@+~-]+\/[^\s'")\]]*/,
  /\b[A-Za-z]:\\[^\s'")\]]*/,
  /\\\\[\w.-]+\\[^\s'")\]]*/,
  /\bfile:\/\/\S*/i,
];

/** What trails the human words once the internals are cut ("open '", "failed: ("). */
const LOOSE_END = /[\s:;,'"([{-]+$/;

/** The text before the first stack frame, path or traceback, without its loose end. */
export function stripTraces(text: string): string {
  let end = text.length;
  for (const pattern of INTERNALS) {
    const match = pattern.exec(text);
    if (match && match.index < end) end = match.index;
  }
  return end === text.length ? text : text.slice(0, end).replace(LOOSE_END, '');
}
