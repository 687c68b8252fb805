// The sniffing table: the files of test/fixtures/formats/ (made by test/fixtures/make-formats.sh
// with FFmpeg, ImageMagick, SoX, libheif and Ghostscript, plus crafted look-alikes), and the
// markup that must never pass as text. Node and Chromium run the same table.

export interface FormatCase {
  file: string;
  /** What sniffing the whole file says (its head, and a second read after a long ID3 tag). */
  type: string | undefined;
  /** What the first SNIFF_BYTES alone say, when that differs. */
  headOnly?: string | undefined;
}

export const FORMATS_URL_PATH = '/test/fixtures/formats/';

/** What the head alone must say. */
export const headOnlyType = (format: FormatCase): string | undefined => ('headOnly' in format ? format.headOnly : format.type);

export const FORMAT_TABLE: readonly FormatCase[] = [
  // Images
  { file: 'jpeg.jpg', type: 'image/jpeg' },
  { file: 'png.png', type: 'image/png' },
  { file: 'gif.gif', type: 'image/gif' },
  { file: 'webp.webp', type: 'image/webp' },
  { file: 'bmp-v5.bmp', type: 'image/bmp' },
  { file: 'bmp-v3.bmp', type: 'image/bmp' },
  { file: 'heic.heic', type: 'image/heic' },
  { file: 'heif.heif', type: 'image/heif' },
  { file: 'avif.avif', type: 'image/avif' },
  // Documents and text
  { file: 'pdf.pdf', type: 'application/pdf' },
  { file: 'text.txt', type: 'text/plain' },
  { file: 'vcard.vcf', type: 'text/vcard' },
  { file: 'vcalendar.ics', type: 'text/calendar' },
  { file: 'vcalendar-1.vcs', type: 'text/calendar' },
  // Video
  { file: 'mp4.mp4', type: 'video/mp4' },
  { file: 'quicktime.mov', type: 'video/quicktime' },
  { file: 'quicktime-wide-first.mov', type: 'video/quicktime' },
  { file: 'quicktime-moov-first.mov', type: 'video/quicktime' },
  { file: '3gp1.3gp', type: 'video/3gpp' },
  { file: '3gp2.3gp', type: 'video/3gpp' },
  { file: '3gp3.3gp', type: 'video/3gpp' },
  { file: '3gp4.3gp', type: 'video/3gpp' },
  { file: 'mpeg-ps.mpg', type: 'video/mpeg' },
  { file: 'mpeg1-15fps.m1v', type: 'video/mpeg' },
  { file: 'mpeg1-xing-15fps.m1v', type: 'video/mpeg' },
  // Audio
  { file: 'mp3.mp3', type: 'audio/mpeg' },
  { file: 'mp3-no-tag.mp3', type: 'audio/mpeg' },
  { file: 'mp3-long-tag.mp3', type: 'audio/mpeg', headOnly: undefined },
  { file: 'aac.aac', type: 'audio/aac' },
  { file: 'm4a.m4a', type: 'audio/mp4' },
  { file: 'm4b.m4b', type: 'audio/mp4' },
  { file: 'wav.wav', type: 'audio/wav' },
  { file: 'amr.amr', type: 'audio/amr' },
  // Crafted look-alikes and polyglots
  { file: 'gif-html-polyglot.gif', type: 'image/gif' },
  { file: 'id3-pe.exe', type: undefined },
  { file: 'jpeg-ls.jls', type: undefined },
  { file: 'canon-cr3-like.cr3', type: undefined },
  { file: 'utf16-one-frame.bin', type: undefined },
  { file: 'text-del.txt', type: undefined },
  { file: 'text-c1.txt', type: undefined },
  { file: 'a-less-than-b.txt', type: 'text/plain' },
  { file: 'text-then-tag.txt', type: 'text/html' },
];

/** Markup that does not open with a well-known tag, each with the type it must get; none is text. */
export const HIDDEN_MARKUP: readonly [string, string][] = [
  ['<img src=x onerror=alert(1)>', 'text/html'],
  ['<svg:svg xmlns:svg="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml'],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'text/html'],
  ['<meta http-equiv="refresh" content="0;url=https://attacker.test/">', 'text/html'],
  ['<object data="https://attacker.test/x"></object>', 'text/html'],
  ['<!-- a note --><img src=x onerror=alert(1)>', 'text/html'],
  ['Dear customer,\nplease see below.\n<html><body onload="alert(1)">', 'text/html'],
  ['\ufeff<html><script>alert(1)</script>', 'text/html'],
  ['\u00a0<html><script>alert(1)</script>', 'text/html'],
  ['Notes\n\n<svg onload=alert(1)>', 'image/svg+xml'],
  ['Plain start, then an end tag </script> and nothing else', 'text/html'],
  ['<?php echo "hi"; ?>', 'text/html'],
  ['<!DOCTYPE note SYSTEM "note.dtd"><note/>', 'application/xml'],
];

/** Text that only looks a little like markup: a `<` that opens no tag. */
export const NOT_MARKUP: readonly string[] = ['a < b', 'x <= y and y >= z', 'I <3 you', 'a <- b', '</3 sad', '1<2', 'é<ü', '<<< here'];
