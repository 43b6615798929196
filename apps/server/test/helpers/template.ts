import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { prepareDatabase } from '../../src/startup';
import { ManualClock } from '../../src/lib/clock';
import { createLocalFileStorage } from '../../src/lib/file-storage';
import { testConfig } from './test-config';
import { defaultCaptchaText } from '../../src/modules/auth/captcha';
import pino from 'pino';

/** Migrate and load reference data once; every test file starts from a copy of the result. */
export async function buildTemplate(db: Kysely<Database>, dataDir: string): Promise<void> {
  const config = testConfig(dataDir);
  await prepareDatabase({
    db,
    config,
    clock: new ManualClock(),
    files: createLocalFileStorage(dataDir),
    log: pino({ level: 'silent' }),
    captchaText: defaultCaptchaText,
  });
}
