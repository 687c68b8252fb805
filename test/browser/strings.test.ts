import { expect } from '@open-wc/testing';
import { ENGLISH, type MmsMediaUploadStrings } from '../../src/index.js';
import { FRENCH } from '../../src/locales/fr.js';
import { notices, shadow, uploader } from '../helpers/element.js';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';

type Functions = {
  [Key in keyof MmsMediaUploadStrings as MmsMediaUploadStrings[Key] extends (...args: never[]) => string ? Key : never]: MmsMediaUploadStrings[Key];
};

/** Sample arguments for every function, several where the text depends on a number. */
const SAMPLES: { [Key in keyof Functions]: Parameters<Functions[Key]>[] } = {
  fittingPhotos: [[{ done: 2, count: 10 }]],
  limitsHint: [
    [{ maxFiles: 1, maxFileSize: '2 MB', types: 'JPEG' }],
    [{ maxFiles: 10, maxFileSize: '3,75 MB', types: 'JPEG, PNG et PDF' }],
  ],
  counter: [[{ count: 3, maxFiles: 10 }]],
  remaining: [[{ size: '4,5 MB' }]],
  removeFile: [['photo.jpg']],
  retryFile: [['photo.jpg']],
  statusUploading: [['42 %']],
  tooManyFiles: [[{ name: 'photo2.jpg', maxFiles: 1 }], [{ name: 'photo11.jpg', maxFiles: 10 }]],
  fileTooLarge: [[{ name: 'vacances.mov', size: '5,3 MB', limit: '2 MB' }]],
  fileOverLimit: [[{ name: 'vacances.mov', limit: '2 MB' }]],
  unknownType: [[{ name: 'chat.jpg', types: 'JPEG, PNG et PDF' }]],
  totalTooLarge: [[{ name: 'vacances.mov', limit: '10 MB' }]],
  typeNotAllowed: [[{ name: 'chat.exe', types: 'JPEG, PNG et PDF' }]],
  markupNotAllowed: [[{ name: 'logo.svg' }]],
  emptyFile: [[{ name: 'vide.txt' }]],
  duplicate: [[{ name: 'photo.jpg' }]],
  tooManyFilesGroup: [[{ count: 490, maxFiles: 10 }], [{ count: 4, maxFiles: 1 }]],
  fileTooLargeGroup: [[{ count: 12, limit: '2 MB' }]],
  totalTooLargeGroup: [[{ count: 5, limit: '5 MB' }]],
  typeNotAllowedGroup: [[{ count: 7, types: 'JPEG, PNG et PDF' }]],
  emptyFilesGroup: [[{ count: 4 }]],
  duplicatesGroup: [[{ count: 6 }]],
  serverMessage: [[{ name: 'photo.jpg', message: 'Quota dépassé' }]],
  badStatus: [[{ name: 'photo.jpg', status: 502 }]],
  noMediaUrl: [[{ name: 'photo.jpg', status: 200 }]],
  unsafeUrl: [[{ name: 'photo.jpg' }]],
  networkError: [[{ name: 'photo.jpg' }]],
  timeout: [[{ name: 'photo.jpg', seconds: 1 }], [{ name: 'photo.jpg', seconds: 60 }]],
  cancelled: [[{ name: 'photo.jpg' }]],
  signatureFailed: [[{ name: 'photo.jpg' }], [{ name: 'photo.jpg', message: 'Session expirée' }]],
  signatureRejected: [[{ name: 'photo.jpg' }]],
  notSignedIn: [[{ name: 'photo.jpg' }]],
  badRequest: [[{ name: 'photo.jpg' }]],
  providerFailed: [[{ name: 'photo.jpg' }]],
  providerTimeout: [[{ name: 'photo.jpg' }]],
  rateLimited: [[{ name: 'photo.jpg' }]],
  inProgress: [[{ name: 'photo.jpg' }]],
  serverBusy: [[{ name: 'photo.jpg' }]],
  uploadTooSlow: [[{ name: 'photo.jpg' }]],
  uploaded: [[{ name: 'photo.jpg' }]],
  removed: [[{ name: 'photo.jpg' }]],
  statusResized: [[{ from: '4,1 MB', to: '480 KB' }]],
  videoTooLarge: [[{ name: 'clip.mp4', size: '12 MB', limit: '2 MB' }]],
  animatedTooLarge: [[{ name: 'fête.gif', size: '3,2 MB', limit: '600 KB' }]],
  heicUnsupported: [[{ name: 'IMG_0001.HEIC' }]],
  tooBigToDecode: [[{ name: 'panorama.jpg' }]],
  cannotDecode: [[{ name: 'photo.jpg' }]],
  cannotFit: [[{ name: 'photo.jpg', limit: '10 KB' }]],
};

/** Every text of a translation: the plain strings, and each function called with each sample. */
function texts(strings: MmsMediaUploadStrings): { key: string; args: unknown[]; text: string }[] {
  return Object.entries(strings).flatMap(([key, value]): { key: string; args: unknown[]; text: string }[] => {
    if (typeof value === 'string') return [{ key, args: [], text: value }];
    const samples = SAMPLES[key as keyof Functions] ?? [];
    return samples.map((args) => ({ key, args, text: (value as (...args: unknown[]) => string)(...args) }));
  });
}

/** The values a sample passes in: "photo.jpg", 502, "5,3 MB"… */
const argumentValues = (args: unknown[]) =>
  args.flatMap((arg) => (typeof arg === 'object' && arg !== null ? Object.values(arg) : [arg])).filter((value) => value !== undefined);

const photo = (name: string, size?: number) => sampleFile(jpegBytes(size), name, 'image/jpeg', 1_700_000_000_000);

describe('strings: the French translation', () => {
  it('has exactly the keys of ENGLISH, each of the same kind', () => {
    expect(Object.keys(FRENCH).sort()).to.deep.equal(Object.keys(ENGLISH).sort());
    for (const key of Object.keys(ENGLISH) as (keyof MmsMediaUploadStrings)[]) {
      expect(typeof FRENCH[key], key).to.equal(typeof ENGLISH[key]);
    }
  });

  it('has sample arguments for every function of ENGLISH', () => {
    const functions = Object.keys(ENGLISH).filter((key) => typeof ENGLISH[key as keyof MmsMediaUploadStrings] === 'function');
    expect(Object.keys(SAMPLES).sort()).to.deep.equal(functions.sort());
  });

  it('gives non-empty text that uses every argument, as English does', () => {
    for (const strings of [ENGLISH, FRENCH]) {
      for (const { key, args, text } of texts(strings)) {
        expect(text.trim(), key).not.to.equal('');
        for (const value of argumentValues(args)) expect(text, `${key} uses ${String(value)}`).to.include(String(value));
      }
    }
  });

  it('is French text, with French typography', () => {
    for (const { key, text } of texts(FRENCH)) {
      expect(text, key).not.to.include("'"); // the typographic apostrophe, ’
      expect(text, key).not.to.match(/ [:;]/); // a no-break space before : and ;
    }
    expect(FRENCH.browse).to.equal('Choisir des fichiers');
    expect(FRENCH.fileTooLarge({ name: 'vacances.mov', size: '5,3 MB', limit: '2 MB' })).to.equal(
      'vacances.mov pèse 5,3 MB\u00a0; la limite est de 2 MB',
    );
    expect(FRENCH.signatureFailed({ name: 'a.jpg' })).to.equal('a.jpg\u00a0: impossible d’obtenir l’autorisation d’envoyer');
  });

  it('puts 0 and 1 in the singular and 2 or more in the plural', () => {
    expect(FRENCH.tooManyFiles({ name: 'b.jpg', maxFiles: 1 })).to.equal('b.jpg\u00a0: 1 fichier au maximum peut être joint');
    expect(FRENCH.tooManyFiles({ name: 'k.jpg', maxFiles: 10 })).to.equal('k.jpg\u00a0: 10 fichiers au maximum peuvent être joints');
    expect(FRENCH.limitsHint({ maxFiles: 1, maxFileSize: '2 MB', types: 'JPEG' })).to.equal('1 fichier de 2 MB au maximum\u00a0: JPEG');
    expect(FRENCH.limitsHint({ maxFiles: 3, maxFileSize: '2 MB', types: 'JPEG' })).to.equal(
      'Jusqu’à 3 fichiers de 2 MB chacun au maximum\u00a0: JPEG',
    );
    expect(FRENCH.timeout({ name: 'a.jpg', seconds: 1 })).to.match(/depuis 1 seconde$/);
    expect(FRENCH.timeout({ name: 'a.jpg', seconds: 1.5 })).to.match(/depuis 1,5 seconde$/);
    expect(FRENCH.timeout({ name: 'a.jpg', seconds: 60 })).to.match(/depuis 60 secondes$/);
  });
});

describe('strings: <mms-media-upload lang="fr"> with FRENCH', () => {
  it('renders French text with French number formatting', async () => {
    const element = await uploader('lang="fr" manual fit="off" required max-file-size="3932160"');
    element.strings = FRENCH;
    await element.updateComplete;
    const root = shadow(element);
    expect(root.querySelector('#label')!.textContent!.trim()).to.equal('Déposez ici des photos, des vidéos ou des PDF');
    expect(root.querySelector('[part=browse-button]')!.textContent!.trim()).to.equal('Choisir des fichiers');
    // "Jusqu’à 10 fichiers de 3,75 MB chacun au maximum : JPEG, PNG, GIF, MP4, PDF et text"
    const hint = root.querySelector('#hint')!.textContent!.trim();
    expect(hint).to.match(/^Jusqu’à 10 fichiers de 3,75 M[Bo] chacun au maximum\u00a0: JPEG, PNG, GIF, MP4, PDF et \S+$/);
    expect(element.validationMessage).to.equal('Joignez au moins un fichier');

    await element.addFiles([photo('photo.jpg', 1_572_864), photo('vacances.jpg', 5_557_453)]);
    await element.updateComplete;
    expect(notices(element)).to.have.length(1);
    expect(notices(element)[0]).to.match(/^vacances\.jpg pèse 5,3 M[Bo]\u00a0; la limite est de 3,75 M[Bo]$/);
    expect(root.querySelector('[part=counter]')!.textContent!.trim()).to.equal('1 sur 10');
    const file = root.querySelector('[part=file]')!;
    expect(file.querySelector('[part=file-size]')!.textContent).to.match(/^1,5 M[Bo]$/);
    expect(file.querySelector('[part=status]')!.textContent!.trim()).to.equal('En attente');
    const remove = file.querySelector('[part~=remove-button]')!;
    expect(remove.textContent!.trim()).to.equal('Retirer');
    expect(remove.getAttribute('aria-label')).to.equal('Retirer photo.jpg');
    expect(root.querySelector('[part=file-list]')!.getAttribute('aria-label')).to.equal('Fichiers joints');
  });

  it('keeps English for the keys a partial translation leaves out', async () => {
    const element = await uploader('lang="fr" manual');
    element.strings = { browse: 'Parcourir' };
    await element.updateComplete;
    expect(shadow(element).querySelector('[part=browse-button]')!.textContent!.trim()).to.equal('Parcourir');
    expect(shadow(element).querySelector('#label')!.textContent!.trim()).to.equal(ENGLISH.dropLabel);
  });
});
