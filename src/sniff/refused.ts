/**
 * Executables and archives (PE, ELF, Mach-O, ZIP, gzip, RAR, 7z), recognised on purpose so that
 * a renamed `.exe` can never come out as an image or as text: sniffing reports them as unknown.
 */
import { view } from './bytes.js';

const REFUSED_SIGNATURES = [
  '\x7fELF',
  '\xfe\xed\xfa\xce', // Mach-O, 32 and 64 bits, both byte orders
  '\xfe\xed\xfa\xcf',
  '\xce\xfa\xed\xfe',
  '\xcf\xfa\xed\xfe',
  '\xca\xfe\xba\xbe', // Mach-O universal binary (and Java class files)
  'PK\x03\x04', // ZIP (also JAR, APK, DOCX...), empty and spanned ZIP
  'PK\x05\x06',
  'PK\x07\x08',
  '\x1f\x8b', // gzip
  'Rar!\x1a\x07',
  '7z\xbc\xaf\x27\x1c',
];

export function isExecutableOrArchive(head: Uint8Array, text: string): boolean {
  if (REFUSED_SIGNATURES.some((signature) => text.startsWith(signature))) return true;
  if (!text.startsWith('MZ')) return false;
  // "MZ" alone is also how a text may begin: a DOS header is binary (its fields hold NULs), and a
  // PE file has "PE\0\0" where e_lfanew (offset 0x3C) points.
  if (head.length >= 0x40) {
    const peOffset = view(head).getInt32(0x3c, true);
    if (peOffset > 0 && text.startsWith('PE\0\0', peOffset)) return true;
  }
  return text.slice(0, 0x40).includes('\0');
}
