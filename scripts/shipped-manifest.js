// A custom-elements-manifest analyzer plugin: the manifest describes the package as it ships. The
// analyzer reads the sources, so it names `src/*.ts` modules (which are not in the package): they
// become the `dist/*.js` files built from them. A default that names a constant of an analyzed module
// becomes the constant's value, an attribute's default is its property's, and numbers are written as
// values (`60000`, not `60_000` or `DEFAULT_STALL_TIMEOUT_MS`).

/** 'src/limits.ts', './limits.js' (from src/index.ts) or '/src/x.js' → 'dist/limits.js'. */
function shippedPath(path, fromModule) {
  let source = path.replace(/^\//, '');
  if (source.startsWith('./') || source.startsWith('../')) {
    source = new URL(source, `file:///${fromModule}`).pathname.slice(1);
  }
  return source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** `60_000` → `60000`; other defaults as the analyzer wrote them. */
const plainNumber = (text) => (/^\d[\d_]*(\.\d+)?$/.test(text) ? text.replaceAll('_', '') : text);

/** Every `module` (or a module's `path`) in the manifest, rewritten to the shipped file. */
function rewriteModules(node, fromModule) {
  if (Array.isArray(node)) return node.forEach((item) => rewriteModules(item, fromModule));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'module' && typeof value === 'string' && !node.package) node[key] = shippedPath(value, fromModule);
    else rewriteModules(value, fromModule);
  }
}

export function shippedManifest() {
  return {
    name: 'shipped-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const constants = new Map(
        customElementsManifest.modules.flatMap((module) =>
          (module.declarations ?? []).filter((item) => item.kind === 'variable' && item.default !== undefined).map((item) => [item.name, item.default]),
        ),
      );
      const valueOf = (text) => plainNumber(constants.get(text) ?? text);
      for (const module of customElementsManifest.modules) {
        const source = module.path;
        rewriteModules(module, source);
        module.path = shippedPath(source, source);
        for (const declaration of module.declarations ?? []) {
          const fields = new Map((declaration.members ?? []).map((member) => [member.name, member]));
          for (const member of declaration.members ?? []) if (member.default) member.default = valueOf(member.default);
          for (const attribute of declaration.attributes ?? []) {
            const field = fields.get(attribute.fieldName);
            if (field?.default !== undefined) attribute.default = field.default;
          }
        }
      }
    },
  };
}
