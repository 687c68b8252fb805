/** A small JSON request body, read with a byte limit (declared and counted) and at a pace. */
import type { BodyPace } from './body-pace.js';
import { HttpError } from './errors.js';
import { limitedBody } from './request-body.js';

export async function readJsonBody(request: Request, maxBytes: number, pace: BodyPace): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError(415, 'bad-request', 'Send the request as application/json.');
  }
  const body = limitedBody(request, { maxBytes, tooLarge: () => new HttpError(413, 'bad-request', 'The request is too large.'), pace });
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-request', 'The request is not valid JSON.');
  }
}
