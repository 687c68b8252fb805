// The fitting engine's pure parts: a file's byte budget, and the name a fitted file goes by.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitBudget } from '../../src/fit/budget.js';
import { nameForType } from '../../src/fit/file-name.js';

const MB = 1024 * 1024;

test('the budget is max-file-size when no total is set', () => {
  assert.equal(fitBudget({ maxFileSize: 2 * MB }), 2 * MB);
  assert.equal(fitBudget({ maxFileSize: 2 * MB, usedBytes: 10 * MB, filesToFit: 5 }), 2 * MB);
});

test('the budget is the fair share of what is left of max-total-size, at most max-file-size', () => {
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: 5 * MB, filesToFit: 10 }), 524_288);
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: 600 * 1024, filesToFit: 10 }), 61_440);
  // What a file left unused goes to the files after it.
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: 600 * 1024, usedBytes: 40_000, filesToFit: 9 }), Math.floor((614_400 - 40_000) / 9));
  // One file alone in a large message is still held to max-file-size.
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: 5 * MB, filesToFit: 1 }), 2 * MB);
});

test('the budget is never negative, and counts at least one file', () => {
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: MB, usedBytes: 3 * MB, filesToFit: 2 }), 0);
  assert.equal(fitBudget({ maxFileSize: 2 * MB, maxTotalSize: MB, filesToFit: 0 }), MB);
});

test('a fitted file takes the extension of its new type, unless its name already says it', () => {
  assert.equal(nameForType('IMG_0001.HEIC', 'image/jpeg'), 'IMG_0001.jpg');
  assert.equal(nameForType('screenshot.png', 'image/jpeg'), 'screenshot.jpg');
  assert.equal(nameForType('IMG_0001.JPG', 'image/jpeg'), 'IMG_0001.JPG');
  assert.equal(nameForType('photo.jpeg', 'image/jpeg'), 'photo.jpeg');
  assert.equal(nameForType('logo.webp', 'image/png'), 'logo.png');
  assert.equal(nameForType('no extension', 'image/jpeg'), 'no extension.jpg');
  assert.equal(nameForType('.hidden', 'image/jpeg'), '.hidden.jpg');
  assert.equal(nameForType('archive.tar.heic', 'image/jpeg'), 'archive.tar.jpg');
});
