import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers on every response (and on errors: they are set when the request arrives).
 *
 * The headers depend on the configuration only, so helmet runs once at start-up against a stand-in
 * response and the result is reused. (@fastify/helmet calls helmet afresh on every request, re-parsing the
 * CSP directives each time: about a tenth of a small API request's CPU.)
 */
export default fp<{ options: HelmetOptions }>(async (app, { options }) => {
  const headers = staticHelmetHeaders(options);
  const names = Object.keys(headers);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const name of names) reply.raw.setHeader(name, headers[name]!);
    reply.raw.removeHeader('x-powered-by');
    done();
  });
});

/** The headers helmet sets with these options, computed once. */
export function staticHelmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let failed: Error | undefined;
  helmet(options)({} as IncomingMessage, response, (err?: unknown) => {
    if (err) failed = err instanceof Error ? err : new Error('helmet refused its options');
  });
  if (failed) throw failed;
  return headers;
}
