// Test-runner middleware: fixture pages named *-strict-csp.html are served with the strict
// Content-Security-Policy that the CDN build must work under (no inline script, no blob: or
// data: worker, nothing from another origin).
export const STRICT_CSP = "script-src 'self'; worker-src 'self'";

export function strictCspPages() {
  return async (ctx, next) => {
    await next();
    if (/^\/test\/fixtures\/[\w-]+-strict-csp\.html$/.test(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}
