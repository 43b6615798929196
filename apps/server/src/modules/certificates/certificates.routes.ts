import {
  certificateSummarySchema,
  revokeCertificateBodySchema,
  verificationQuerySchema,
  verificationResultSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MINUTE } from '../../lib/clock';
import { contentDisposition } from '../../lib/filenames';
import { revokeCertificate } from './certificate-revocation.service';
import { getCertificate, getCertificatePdf } from './certificates.service';
import { verifyCertificate } from './verification.service';

/** A 证明号 is 13 characters; anything up to 40 is looked up (and answered not found), longer is refused. */
const numberParams = z.object({ number: z.string().trim().min(1).max(40) });

/** Public checks per IP and minute: plenty for a person or a customs broker's script, not for a sweep. */
export const VERIFY_LIMIT = { max: 30, timeWindow: MINUTE };

/**
 * 证明 (SPEC §5): the certificate and its PDF for its holder, its bureau and administrators; 撤销 by the
 * issuing bureau; 证明查询, public and rate-limited per IP.
 */
export const certificatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['certificates'];
  const viewers = app.requireRole('enterprise', 'officer', 'admin');

  app.get(
    '/certificates/:number',
    {
      preHandler: viewers,
      schema: {
        tags,
        summary: 'A certificate (holder organisation, issuing bureau, administrators; else 404)',
        params: numberParams,
        response: { 200: certificateSummarySchema },
      },
    },
    async (request) => getCertificate(request.ctx, request.params.number),
  );

  app.get(
    '/certificates/:number/pdf',
    {
      preHandler: viewers,
      schema: {
        tags,
        summary: 'The certificate as PDF: inline for the browser preview, ?download=1 as an attachment',
        params: numberParams,
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await getCertificatePdf(request.ctx, request.params.number);
      const kind = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type('application/pdf')
        .header('content-length', String(pdf.length))
        .header('content-disposition', contentDisposition(filename, kind))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );

  app.get(
    '/verify/:number',
    {
      config: { rateLimit: VERIFY_LIMIT },
      schema: {
        tags,
        summary:
          '证明查询 (public): status, holder, issue date and bureau; the products with ?code=. Rate-limited per IP; every check is recorded',
        params: numberParams,
        querystring: verificationQuerySchema,
        response: { 200: verificationResultSchema },
      },
    },
    async (request) =>
      verifyCertificate(request.ctx, {
        number: request.params.number,
        code: request.query.code,
        channel: request.headers['x-ccc-client'] === 'web' ? 'web' : 'api',
      }),
  );

  app.post(
    '/bureau/certificates/:number/revoke',
    {
      preHandler: app.requireRole('officer'),
      schema: {
        tags,
        summary: '撤销 (Art. 52) by an officer of the issuing bureau, with a required reason',
        params: numberParams,
        body: revokeCertificateBodySchema,
        response: { 200: certificateSummarySchema },
      },
    },
    async (request) => revokeCertificate(request.ctx, request.params.number, request.body),
  );
};
