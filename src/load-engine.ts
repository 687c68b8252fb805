/** Loads the upload machinery (`upload-engine.ts`) once per page, for the first element that needs it. */
export type Engine = typeof import('./upload-engine.js');

let loaded: Engine | undefined;
let loading: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  loading ??= import('./upload-engine.js').then((module) => (loaded = module));
  return loading;
}

/** The machinery, once `loadEngine()` has resolved: there are files to handle only after that. */
export function engine(): Engine {
  if (!loaded) throw new Error('mms-media-upload: the upload engine is not loaded yet');
  return loaded;
}
