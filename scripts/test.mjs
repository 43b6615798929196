#!/usr/bin/env node
// `npm test`: builds the app, then runs every suite: domain units, the server suites on SQLite and on
// PostgreSQL, and the browser suite. A suite whose prerequisite is missing is skipped with a clear
// message, except with CI=true, where a missing PostgreSQL or Chromium fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const ci = process.env.CI === 'true';
const args = process.argv.slice(2);

function hasPostgres() {
  if (process.env.TEST_DATABASE_URL) return true;
  if (spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()) return true;
  return (
    fs.existsSync('/usr/lib/postgresql') &&
    fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
  );
}
function hasChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some(
    (p) => p && fs.existsSync(p),
  );
}

const projects = ['domain', 'server-sqlite'];
const missing = [];
if (hasPostgres()) projects.push('server-postgres');
else missing.push('server-postgres (no PostgreSQL server binaries found and no TEST_DATABASE_URL)');
if (hasChromium()) projects.push('e2e');
else missing.push('e2e (Chromium not found: apt-get install chromium)');

for (const m of missing) console.log(`SKIPPED suite ${m}`);
if (missing.length && ci) {
  console.error('With CI=true every suite must run: failing.');
  process.exit(1);
}

if (projects.includes('e2e') && !process.env.SKIP_BUILD) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const run = spawnSync('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...args], {
  stdio: 'inherit',
  env: { ...process.env, EXPECT_SUITES: ci ? projects.join(',') : '' },
});
process.exit(run.status ?? 1);
