/** A fetch `Response`'s status and headers onto Node's `ServerResponse`. */
import type { ServerResponse } from 'node:http';

export function writeHead(response: Response, res: ServerResponse): void {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  // Headers joins repeated headers with commas, which would break cookies: set each apart.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
}
