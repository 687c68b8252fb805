// Read by `cem analyze` (npm run build): the manifest names the shipped files (see the plugin).
import { shippedManifest } from './scripts/shipped-manifest.js';

export default { plugins: [shippedManifest()] };
