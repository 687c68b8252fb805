/**
 * French strings. Set `lang="fr"` on the element (or an ancestor) for French number formatting,
 * and `uploader.strings = FRENCH` for the text.
 *
 * French typography: a no-break space (U+00A0) before ":" and ";", a typographic apostrophe (’).
 * French plural: 0 and 1 take the singular ("1 fichier", "0 fichier", "1,5 seconde").
 */
import { ENGLISH, type MmsMediaUploadStrings } from '../strings.js';

/** The singular for 0 and 1 (and anything under 2), the plural from 2 on. */
const plural = (count: number, one: string, other: string): string => (Math.abs(count) < 2 ? one : other);

const decimal = new Intl.NumberFormat('fr');

/** "échec de l’envoi", shared by the upload failures. */
const failed = (name: string): string => `${name}\u00a0: échec de l’envoi`;

export const FRENCH: MmsMediaUploadStrings = {
  sizeUnits: ['o', 'ko', 'Mo', 'Go'],
  typeNames: {
    ...ENGLISH.typeNames, // JPEG, PNG, PDF… are the same words
    'video/3gpp': 'vidéo 3GPP',
    'video/3gpp2': 'vidéo 3GPP2',
    'video/mpeg': 'vidéo MPEG',
    'audio/mp4': 'audio MPEG-4',
    'audio/aac': 'audio AAC',
    'audio/amr': 'audio AMR',
    'audio/amr-wb': 'audio AMR-WB',
    'audio/wav': 'audio WAV',
    'video/*': 'vidéos',
    'text/plain': 'texte',
    '*/*': 'tout type reconnu',
  },
  dropLabel: 'Déposez ici des photos, des vidéos ou des PDF',
  browse: 'Choisir des fichiers',
  fittingPhotos: ({ done, count }) => `Redimensionnement des photos\u00a0: ${done} sur ${count}`,
  takePhoto: 'Prendre une photo',
  limitsHint: ({ maxFiles, maxFileSize, types }) =>
    maxFiles < 2
      ? `${maxFiles} fichier de ${maxFileSize} au maximum\u00a0: ${types}`
      : `Jusqu’à ${maxFiles} fichiers de ${maxFileSize} chacun au maximum\u00a0: ${types}`,
  fileListLabel: 'Fichiers joints',
  counter: ({ count, maxFiles }) => `${count} sur ${maxFiles}`,
  remaining: ({ size }) => `il reste ${size}`,
  iconVideo: 'Vidéo',
  iconPdf: 'Document PDF',
  iconText: 'Texte',
  iconAudio: 'Audio',
  iconFile: 'Fichier',
  removeFile: (name) => `Retirer ${name}`,
  retryFile: (name) => `Renvoyer ${name}`,
  remove: 'Retirer',
  retry: 'Réessayer',
  statusPending: 'En attente',
  statusUploading: (percent) => `Envoi en cours (${percent})`,
  statusUploaded: 'Envoyé',
  statusFailed: 'Échec',
  statusResized: ({ from, to }) => `réduit de ${from} à ${to}`,

  tooManyFiles: ({ name, maxFiles }) =>
    `${name}\u00a0: ${maxFiles} ${plural(maxFiles, 'fichier au maximum peut être joint', 'fichiers au maximum peuvent être joints')}`,
  fileTooLarge: ({ name, size, limit }) => `${name} pèse ${size}\u00a0; la limite est de ${limit}`,
  fileOverLimit: ({ name, limit }) => `${name} dépasse ${limit}`,
  totalTooLarge: ({ name, limit }) => `${name}\u00a0: l’ensemble des fichiers ne doit pas dépasser ${limit}`,
  typeNotAllowed: ({ name, types }) => `${name} n’est pas d’un type autorisé\u00a0; types autorisés\u00a0: ${types}`,
  unknownType: ({ name, types }) =>
    `${name}\u00a0: son contenu n’est pas d’un type qui puisse être joint\u00a0; types autorisés\u00a0: ${types}`,
  markupNotAllowed: ({ name }) => `${name} est une page web ou un dessin (balisage), qui ne peut pas être joint`,
  emptyFile: ({ name }) => `${name} est vide`,
  duplicate: ({ name }) => `${name} est déjà joint`,
  disabled: 'L’ajout de fichiers est désactivé',
  tooManyFilesGroup: ({ count, maxFiles }) =>
    `${count} fichiers n’ont pas été joints\u00a0: ${maxFiles} ${plural(maxFiles, 'fichier au maximum peut être joint', 'fichiers au maximum peuvent être joints')}`,
  fileTooLargeGroup: ({ count, limit }) => `${count} fichiers n’ont pas été joints\u00a0: chacun dépasse ${limit}`,
  totalTooLargeGroup: ({ count, limit }) =>
    `${count} fichiers n’ont pas été joints\u00a0: l’ensemble des fichiers ne doit pas dépasser ${limit}`,
  typeNotAllowedGroup: ({ count, types }) =>
    `${count} fichiers n’ont pas été joints\u00a0: leur type n’est pas autorisé\u00a0; types autorisés\u00a0: ${types}`,
  emptyFilesGroup: ({ count }) => `${count} fichiers n’ont pas été joints\u00a0: ils sont vides`,
  duplicatesGroup: ({ count }) => `${count} fichiers sont déjà joints`,
  videoTooLarge: ({ name, size, limit }) =>
    `${name} pèse ${size}\u00a0; les vidéos ne peuvent pas être réduites ici, la limite est de ${limit}`,
  animatedTooLarge: ({ name, size, limit }) =>
    `${name} pèse ${size}\u00a0; les animations ne peuvent pas être réduites ici, la limite est de ${limit}`,
  heicUnsupported: ({ name }) => `${name} est une photo HEIC, que ce navigateur ne sait pas convertir\u00a0: exportez-la en JPEG`,
  tooBigToDecode: ({ name }) => `${name} est trop volumineux pour être réduit ici (plus de 50\u00a0Mo ou de 100\u00a0mégapixels)`,
  cannotDecode: ({ name }) => `${name} ne peut pas être lu comme une image`,
  cannotFit: ({ name, limit }) => `${name} ne peut pas être réduit sous ${limit}`,

  serverMessage: ({ name, message }) => `${name}\u00a0: ${message}`,
  badStatus: ({ name, status }) => `${failed(name)}\u00a0: le serveur a répondu ${status}`,
  noMediaUrl: ({ name, status }) => `${failed(name)}\u00a0: le serveur a répondu ${status} sans URL de média`,
  unsafeUrl: ({ name }) => `${failed(name)}\u00a0: le serveur a répondu avec une URL de média qui n’est ni http ni https`,
  networkError: ({ name }) => `${failed(name)}\u00a0: la connexion au serveur a été perdue`,
  timeout: ({ name, seconds }) =>
    `${failed(name)}\u00a0: aucune progression depuis ${decimal.format(seconds)} ${plural(seconds, 'seconde', 'secondes')}`,
  cancelled: ({ name }) => `${name}\u00a0: envoi annulé`,
  signatureFailed: ({ name, message }) =>
    message
      ? `${name}\u00a0: impossible d’obtenir l’autorisation d’envoyer\u00a0: ${message}`
      : `${name}\u00a0: impossible d’obtenir l’autorisation d’envoyer`,

  signatureRejected: ({ name }) => `${name}\u00a0: l’autorisation d’envoyer a été refusée ou a expiré\u00a0; réessayez`,
  notSignedIn: ({ name }) => `${name}\u00a0: connectez-vous pour joindre des fichiers`,
  badRequest: ({ name }) => `${failed(name)}\u00a0: le serveur n’a pas pu lire l’envoi`,
  providerFailed: ({ name }) =>
    `${failed(name)}\u00a0: l’opérateur de messagerie n’a pas pu enregistrer le fichier\u00a0; réessayez plus tard`,
  providerTimeout: ({ name }) =>
    `${failed(name)}\u00a0: l’opérateur de messagerie n’a pas répondu à temps\u00a0; réessayez plus tard`,
  rateLimited: ({ name }) => `${name}\u00a0: trop d’envois à la fois\u00a0; réessayez dans un instant`,
  inProgress: ({ name }) => `${name}\u00a0: un envoi précédent est encore en cours d’enregistrement\u00a0; réessayez dans un instant`,
  uploadTooSlow: ({ name }) => `${failed(name)}\u00a0: la connexion était trop lente\u00a0; réessayez avec une meilleure connexion`,
  serverBusy: ({ name }) => `${name}\u00a0: le serveur ne peut pas recevoir de fichiers pour le moment\u00a0; réessayez dans un instant`,

  uploaded: ({ name }) => `${name} a été envoyé`,
  removed: ({ name }) => `${name} a été retiré`,

  valueMissing: 'Joignez au moins un fichier',
  uploadsInFlight: 'Attendez la fin des envois',
  uploadFailed: 'Un envoi a échoué\u00a0: réessayez-le ou retirez le fichier',
};
