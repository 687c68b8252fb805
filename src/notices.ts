/**
 * What the element says in its message area and to screen readers. Each notice is kept as a
 * code with its context and put into words only when shown, so that it follows the strings and
 * the locale in force.
 *
 * The message area holds refusals (files that are not in the list). A few refusals of one kind
 * are listed one by one; more are summed up in one line, so that 500 dropped files do not stack
 * 490 sentences into it. A failed upload shows its message in its own row; screen readers are
 * told it through a hidden alert, which it leaves with the file (removed or retried).
 */
import type { RejectionReason } from './events.js';
import { describe, describeGroup, type MessageCode, type MessageContext } from './messages.js';
import type { MmsMediaUploadStrings } from './strings.js';

/** A sentence composed when it is shown. */
export type Words = (strings: MmsMediaUploadStrings, locale: string) => string;

/** A file that was not added, and why. */
export interface Refusal {
  reason: RejectionReason;
  /** What its words come from: the reason, or a finer code (`video-too-large`). */
  code: MessageCode;
  context: MessageContext;
}

/** Refusals of one kind beyond this many are summed up in one line. */
const LISTED_REFUSALS = 3;

export class Notices {
  #notices: Words[] = [];
  #announcement?: Words;
  /** The failure of each failed file, by its id. */
  readonly #failures = new Map<string, Words>();

  /** The message area's sentences. */
  texts(strings: MmsMediaUploadStrings, locale: string): string[] {
    return this.#notices.map((words) => words(strings, locale));
  }

  /** The failures of the files in the list, for the hidden alert. */
  failureTexts(strings: MmsMediaUploadStrings, locale: string): string[] {
    return [...this.#failures.values()].map((words) => words(strings, locale));
  }

  /** The latest short announcement for screen readers (uploaded, removed). */
  announcement(strings: MmsMediaUploadStrings, locale: string): string {
    return this.#announcement?.(strings, locale) ?? '';
  }

  /** A new batch of files: its refusals replace the earlier notices. */
  refused(refusals: readonly Refusal[]): void {
    // Not Map.groupBy: Safari before 17.4 lacks it.
    const byReason = new Map<RejectionReason, Refusal[]>();
    for (const refusal of refusals) byReason.set(refusal.reason, [...(byReason.get(refusal.reason) ?? []), refusal]);
    this.#notices = [...byReason].flatMap(([reason, group]): Words[] =>
      group.length > LISTED_REFUSALS
        ? [(strings, locale) => describeGroup(reason, group.length, group[0]!.context, strings, locale)]
        : group.map(({ code, context }) => (strings, locale) => describe(code, context, strings, locale)),
    );
  }

  /** Shown in place of the earlier notices. */
  replace(words: Words): void {
    this.#notices = [words];
  }

  /** The upload of file `id` failed. */
  failed(id: string, words: Words): void {
    this.#failures.delete(id); // the newest failure is announced last
    this.#failures.set(id, words);
  }

  /** File `id` left the list, or is tried again: its failure goes. */
  forget(id: string): void {
    this.#failures.delete(id);
  }

  announce(words: Words): void {
    this.#announcement = words;
  }

  clear(): void {
    this.#notices = [];
    this.#announcement = undefined;
    this.#failures.clear();
  }
}
