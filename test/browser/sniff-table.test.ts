// The sniffing table (test/helpers/format-table.ts) in Chromium: each fixture fetched, then sniffBlob.
import { expect } from '@open-wc/testing';
import { sniffBlob } from '../../src/sniff.js';
import { FORMAT_TABLE, FORMATS_URL_PATH } from '../helpers/format-table.js';

describe('sniff: the table of real files and crafted look-alikes, in Chromium through sniffBlob', () => {
  for (const { file, type } of FORMAT_TABLE) {
    it(`${file} is ${type ?? 'of no known type'}`, async () => {
      const response = await fetch(`${FORMATS_URL_PATH}${file}`);
      expect(response.ok, file).to.equal(true);
      const blob = await response.blob();
      expect(await sniffBlob(blob)).to.equal(type);
    });
  }
});

