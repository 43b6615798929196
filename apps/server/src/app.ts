import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { AppDeps } from './context';
import type { Db } from './db/database';
import { systemClock, type Clock } from './lib/clock';
import { createLocalFileStorage, type FileStorage } from './lib/file-storage';
import { defaultCaptchaText } from './modules/auth/captcha';
import { createOutboxWorker, type OutboxWorker } from './modules/notifications/notifications.service';
import type { MailTransport } from './modules/notifications/mail-transport';
import { registerModules } from './modules/routes';
import errorHandler from './plugins/error-handler';
import rateLimit from './plugins/rate-limit';
import securityHeaders from './plugins/security-headers';
import session from './plugins/session';
import webApp from './plugins/web-app';
import { defaultWebDist } from './paths';

export interface BuildOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  files?: FileStorage;
  captchaText?: () => string;
  mailTransport?: MailTransport;
  logger?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
  outbox: OutboxWorker;
}

/** Everything but listening: what server.ts starts and what tests inject into. */
export async function buildApp(opts: BuildOptions): Promise<BuiltApp> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = opts.clock ?? systemClock;
  const deps: AppDeps = {
    db: opts.db,
    config,
    clock,
    files: opts.files ?? createLocalFileStorage(path.join(config.dataDir, 'storage'), clock),
    log: app.log,
    captchaText: opts.captchaText ?? defaultCaptchaText,
  };
  const outbox = createOutboxWorker(deps, opts.mailTransport);

  await app.register(cookie);
  await app.register(securityHeaders, {
    options: {
      // Without TLS, HSTS and upgrade-insecure-requests would break plain-HTTP intranet hosts.
      hsts: config.secureCookies,
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: config.secureCookies ? [] : null,
          imgSrc: ["'self'", 'data:', 'blob:'],
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'self'", 'blob:'],
        },
      },
      crossOriginEmbedderPolicy: false,
    },
  });
  await app.register(errorHandler);
  await app.register(session, { deps });
  await app.register(rateLimit, { deps });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CCC免办及特殊用途进口产品检测处理管理系统 API',
        description: 'CCC exemption applications, review, certificates and supervision.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ccc_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(registerModules, { prefix: '/api' });
  await app.register(webApp, { webDist: config.webDist ?? defaultWebDist });

  app.addHook('onClose', async () => {
    await outbox.stop();
  });
  return { app, deps, outbox };
}
