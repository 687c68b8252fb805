/** The name a fitted file goes by: its own, with the extension of its new type (`IMG_0001.HEIC` → `IMG_0001.jpg`). */
const EXTENSIONS: Readonly<Record<string, { usual: string; also: readonly string[] }>> = {
  'image/jpeg': { usual: 'jpg', also: ['jpg', 'jpeg', 'jpe'] },
  'image/png': { usual: 'png', also: ['png'] },
};

export function nameForType(name: string, type: string): string {
  const extensions = EXTENSIONS[type];
  if (!extensions) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  // A name that already says the type keeps its own spelling (IMG_0001.JPG stays IMG_0001.JPG).
  if (dot > 0 && extensions.also.includes(name.slice(dot + 1).toLowerCase())) return name;
  return `${stem || 'photo'}.${extensions.usual}`;
}
