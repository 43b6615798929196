import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../lib/filenames';

/** Sends a stored file as a download under its original (UTF-8) name, never to be sniffed as something else. */
export function sendAttachment(
  reply: FastifyReply,
  file: { filename: string; mime: string; size: number; stream: NodeJS.ReadableStream },
) {
  return reply
    .type(file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-cache')
    .send(file.stream);
}
