/** Small line icons for files without a thumbnail (24×24, drawn in currentColor). */
import { svg, type SVGTemplateResult } from 'lit';

const frame = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;

const page = svg`<path d="M6 2h8l4 4v16H6z"/><path d="M14 2v4h4"/>`;

/** Each icon goes by the key of its accessible name in the strings. */
export const ICONS = {
  iconVideo: frame(svg`<rect x="2" y="5" width="14" height="14" rx="2"/><path d="m16 10 6-3v10l-6-3"/>`),
  iconPdf: frame(svg`${page}<path d="M9 13h6M9 17h4"/>`),
  iconText: frame(svg`${page}<path d="M9 10h6M9 13h6M9 16h6"/>`),
  iconAudio: frame(svg`<path d="M9 18V5l11-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="17" cy="16" r="3"/>`),
  iconFile: frame(page),
};

export type IconName = keyof typeof ICONS;

/** Which icon stands for a (sniffed) type. */
export function iconFor(type: string): IconName {
  if (type.startsWith('video/')) return 'iconVideo';
  if (type.startsWith('audio/')) return 'iconAudio';
  if (type === 'application/pdf') return 'iconPdf';
  if (type.startsWith('text/')) return 'iconText';
  return 'iconFile';
}
