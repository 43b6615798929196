import { loadConfig, type Config } from '../../src/config';

export const TEST_ADMIN = { username: 'admin', password: 'Admin-Test-2026' };

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      DATA_DIR: dataDir,
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      LOG_LEVEL: 'silent',
    }),
    ...overrides,
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgTemplateUrl: string;
    pgTemplateName: string;
  }
}
