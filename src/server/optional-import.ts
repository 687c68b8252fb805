/**
 * The server's optional peer dependencies (the S3 client, the Redis client) are imported on first
 * use, never at start-up: `mms-media-upload/server` loads without them, and only the adapter that
 * needs one asks for it.
 */

/** `load()` (a literal `import('name')`), with a clear message when the package is not installed. */
export async function importOptional<T>(load: () => Promise<T>, name: string, feature: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`mms-media-upload/server: ${feature} needs the package ${name} (npm install ${name}).`, { cause: error });
    }
    throw error;
  }
}
