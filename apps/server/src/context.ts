import type { FastifyBaseLogger } from 'fastify';
import type { Locale, Role } from '@ccc/domain';
import type { Config } from './config';
import type { Db } from './db/database';
import type { Clock } from './lib/clock';
import type { FileStorage } from './lib/file-storage';

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  status: string;
  organisationId: string | null;
  bureauCode: string | null;
}

/** Process-wide dependencies: built once by buildApp. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  files: FileStorage;
  log: FastifyBaseLogger;
  /** Captcha text generator; tests inject one whose answer they know. */
  captchaText: () => string;
}

/** What every service function receives: the dependencies plus who is acting, from where. */
export interface ServiceContext extends AppDeps {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}
