import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { pickLocale, translate } from '@ccc/domain';

/** Serves the built web app, with index.html for any non-API path the router owns. */
export default fp<{ webDist: string }>(async (app, { webDist }) => {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      setHeaders: (res, file) => {
        // hashed assets are immutable; index.html must always be revalidated
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const locale = pickLocale(request.headers['accept-language']);
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: translate(locale, 'e.NOT_FOUND'), fields: [] });
  });
});
