/** Small line icons for files without a thumbnail (24×24, drawn in currentColor). */
import { svg, type SVGTemplateResult } from 'lit';

const frame = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;

const page = svg`<path d="M6 2h8l4 4v16H6z"/><path d="M14 2v4h4"/>`;

export const ICONS = {
  video: frame(svg`<rect x="2" y="5" width="14" height="14" rx="2"/><path d="m16 10 6-3v10l-6-3"/>`),
  pdf: frame(svg`${page}<path d="M9 13h6M9 17h4"/>`),
  text: frame(svg`${page}<path d="M9 10h6M9 13h6M9 16h6"/>`),
  audio: frame(svg`<path d="M9 18V5l11-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="17" cy="16" r="3"/>`),
  file: frame(page),
};

export type IconName = keyof typeof ICONS;

/** Which icon stands for a (sniffed) type. */
export function iconFor(type: string): IconName {
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('text/')) return 'text';
  return 'file';
}
