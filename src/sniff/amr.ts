/**
 * AMR speech in its storage format (RFC 4867, section 5): a magic line, then frames, each with a
 * one-byte header: a zero bit, the frame type (4 bits), the quality bit, two zero bits.
 */

/** The single-channel magic lines and the frame types each allows: speech, comfort noise, and (WB) lost or none. */
const AMR_FORMS = [
  { magic: '#!AMR\n', type: 'audio/amr', frameTypes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 15] },
  { magic: '#!AMR-WB\n', type: 'audio/amr-wb', frameTypes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15] },
];

export function amrType(head: Uint8Array, text: string): string | undefined {
  const form = AMR_FORMS.find(({ magic }) => text.startsWith(magic));
  if (!form || head.length <= form.magic.length) return undefined;
  const header = head[form.magic.length]!;
  return (header & 0x83) === 0 && form.frameTypes.includes(header >> 3) ? form.type : undefined;
}
