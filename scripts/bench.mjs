#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): the figures issue 3 asks for, in one run on this machine.
 *
 * 1. Starts the built server on a temporary DATA_DIR (SQLite): it migrates, loads the reference data and
 *    creates the administrator; registers one organisation through the API; stops.
 * 2. Inserts 100,000 applications of that organisation by direct SQL into the migrated database.
 * 3. Starts the server again and measures with autocannon (50 connections, 3 s warm-up, then 10 s):
 *    (a) GET /api/ping, a constant JSON body without a database round trip (the bare route), run again
 *        just before each HS run so that each share compares runs made under the same background load;
 *    (b) GET /api/hs-codes (the picker's page of 10), cycling through 300 Chinese name fragments, then
 *        300 digit prefixes, taken from the HS table; then both mixed with the logged-in user's session
 *        cookie, as the picker sends them;
 *    (c) GET /api/applications (newest first, pages 1–10) as the organisation's user.
 * 4. (d) Certificate PDF generation with the server's renderer in this process (apps/server/src through
 *    tsx): BENCH_PDF_RENDERS (default 200) renders each of a certificate with 5 and with 30 product lines
 *    after a warm-up; median, p99 and the file size.
 * Prints requests/s, p50 and p99 and the server's CPU time per request for each run, the HS search as a
 * share of the bare route, the targets, and writes the figures as JSON (BENCH_OUT, default
 * .tmp/bench-result.json). docs/PERFORMANCE.md explains the method and the figures.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (50),
 * BENCH_HS_PAGE_SIZE (10), BENCH_APPLICATIONS (100000), BENCH_PDF_RENDERS (200), BENCH_ONLY=hs, list, stats or pdf
 * (comma-separated; the bare route always runs), BENCH_KEEP=1 keeps the data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateApplications } from './bench/applications.mjs';
import { measureCertificatePdf } from './bench/certificate-pdf.mjs';
import { ApiClient, BENCH_USER, registerEnterprise } from './bench/client.mjs';
import { hsSearchTerms } from './bench/hs-terms.mjs';
import { BENCH_ADMIN, repoRoot, startServer } from './bench/server.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
/** The picker's page (10 rows, the endpoint's default). */
const HS_PAGE_SIZE = Number(process.env.BENCH_HS_PAGE_SIZE ?? 10);
const PDF_RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 200);
const OUT = process.env.BENCH_OUT ?? path.join(repoRoot, '.tmp', 'bench-result.json');

/** One autocannon run over `paths`, each request taking the next path of the shared cycle. */
function run(url, paths, { duration, headers = {}, connections = CONNECTIONS }) {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const p = paths[next];
              next = (next + 1) % paths.length;
              return { ...req, path: p };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** CPU time (ms) the process used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

let serverPid = null;

async function measure(label, url, paths, headers, connections = CONNECTIONS) {
  // A probe first: every path of the cycle must answer 200, or the figures would measure errors.
  for (const p of [paths[0], paths[Math.floor(paths.length / 2)], paths[paths.length - 1]]) {
    const res = await fetch(url + p, { headers });
    if (res.status !== 200) throw new Error(`${label}: ${p} answered ${res.status}: ${await res.text()}`);
  }
  await run(url, paths, { duration: WARMUP, headers, connections });
  const cpuBefore = cpuMs(serverPid);
  const r = await run(url, paths, { duration: DURATION, headers, connections });
  const cpuAfter = cpuMs(serverPid);
  const figures = {
    label,
    distinctPaths: paths.length,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    // The server's own CPU time per request: unlike the throughput, hardly moved by other processes.
    serverCpuMicrosPerRequest:
      cpuBefore === null || cpuAfter === null || !r.requests.total
        ? null
        : Math.round(((cpuAfter - cpuBefore) * 1000) / r.requests.total),
  };
  const bad =
    figures.errors || figures.non2xx ? `  (!) ${figures.errors} errors, ${figures.non2xx} non-2xx` : '';
  console.log(
    `  ${label.padEnd(44)} ${String(figures.requestsPerSecond).padStart(7)} req/s   p50 ${String(figures.p50).padStart(3)} ms   p99 ${String(figures.p99).padStart(3)} ms   server CPU ${String(figures.serverCpuMicrosPerRequest ?? '?').padStart(4)} µs/req${bad}`,
  );
  return figures;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-bench-'));
  console.log(`npm run bench — ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other processes share the cores)`,
  );
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up, then ${DURATION} s; DATA_DIR ${dataDir} (SQLite)`,
  );
  let server = null;
  try {
    // 1. Migrate, load reference data, create the administrator; register the organisation.
    let t0 = performance.now();
    server = await startServer(dataDir);
    await registerEnterprise(server.url);
    await server.stop();
    server = null;
    console.log(`prepared the database in ${Math.round(performance.now() - t0)} ms`);

    // 2. 100k applications of the organisation, straight into the database.
    t0 = performance.now();
    generateApplications(dataDir, { username: BENCH_USER.username, count: APPLICATIONS });
    console.log(`inserted ${APPLICATIONS} applications in ${Math.round(performance.now() - t0)} ms`);

    // 3. Measure.
    server = await startServer(dataDir);
    serverPid = server.pid;
    const user = new ApiClient(server.url);
    await user.login(BENCH_USER.username, BENCH_USER.password);
    const session = { cookie: user.cookieHeader() };
    const terms = hsSearchTerms(300);
    const hsPath = (q) => `/api/hs-codes?q=${encodeURIComponent(q)}&page=1&pageSize=${HS_PAGE_SIZE}`;
    const fragmentPaths = terms.fragments.map(hsPath);
    const prefixPaths = terms.prefixes.map(hsPath);
    const listPaths = Array.from({ length: 10 }, (_, i) => `/api/applications?page=${i + 1}&pageSize=20`);
    console.log(
      `HS terms: ${terms.fragments.length} name fragments and ${terms.prefixes.length} digit prefixes over ${terms.codes} enabled codes`,
    );
    console.log('');

    const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
    const want = (key) => !only || only.has(key);
    // Other processes may share the cores: each HS run is compared with a bare run made just before it.
    const bareRun = () => measure('(a) GET /api/ping (bare, constant JSON)', server.url, ['/api/ping']);
    const hsRuns = [];
    if (want('hs')) {
      for (const [label, paths, headers] of [
        ['(b1) HS search, Chinese name fragments', fragmentPaths, undefined],
        ['(b2) HS search, digit prefixes', prefixPaths, undefined],
        ['(b3) HS search, mixed, with session cookie', interleave(fragmentPaths, prefixPaths), session],
      ]) {
        const bare = await bareRun();
        const hs = await measure(label, server.url, paths, headers);
        hs.shareOfBare = Math.round((hs.requestsPerSecond / bare.requestsPerSecond) * 1000) / 10;
        hs.bareRequestsPerSecond = bare.requestsPerSecond;
        hs.bareP99 = bare.p99;
        hs.bareServerCpuMicrosPerRequest = bare.serverCpuMicrosPerRequest;
        hsRuns.push(hs);
      }
    }
    const list = want('list')
      ? await measure(`(c) application list, ${APPLICATIONS / 1000}k rows`, server.url, listPaths, session)
      : null;
    // The administrator's statistics over all bureaus, the range moved month by month (no two alike in a row).
    let stats = null;
    if (want('stats')) {
      const admin = new ApiClient(server.url);
      await admin.login(BENCH_ADMIN.username, BENCH_ADMIN.password);
      const statsPaths = Array.from({ length: 12 }, (_, i) => {
        const from = `2025-${String(i + 1).padStart(2, '0')}-01`;
        return `/api/admin/statistics?from=${from}&to=2026-02-28`;
      });
      stats = await measure(
        `(e) statistics, all bureaus, ${APPLICATIONS / 1000}k rows`,
        server.url,
        statsPaths,
        { cookie: admin.cookieHeader() },
        // One administrator at a time: a page of aggregates is heavy, and 50 at once would only queue.
        1,
      );
    }

    // 4. Certificate PDF generation (the server sits idle meanwhile).
    const pdf = want('pdf')
      ? await measureCertificatePdf({ productCounts: [5, 30], renders: PDF_RENDERS })
      : [];
    for (const f of pdf) {
      console.log(
        `  ${`(d) ${f.label}`.padEnd(44)} ${String(f.renders).padStart(7)} renders p50 ${String(f.medianMs).padStart(5)} ms   p99 ${String(f.p99Ms).padStart(5)} ms   ${(f.bytes / 1024).toFixed(1)} KiB, ${f.pages} page(s)`,
      );
    }

    console.log('');
    console.log('targets: HS search ≥ 50 % of the bare route with p99 < 10 ms; application list p99 < 50 ms');
    for (const f of hsRuns) {
      const met = f.shareOfBare >= 50 && f.p99 < 10;
      console.log(
        `  ${f.label.padEnd(44)} ${f.shareOfBare} % of bare (${f.bareRequestsPerSecond} req/s, p99 ${f.bareP99} ms), ` +
          `p99 ${f.p99} ms   ${met ? 'MET' : 'NOT MET'}`,
      );
    }
    if (list)
      console.log(`  ${list.label.padEnd(44)} p99 ${list.p99} ms   ${list.p99 < 50 ? 'MET' : 'NOT MET'}`);
    if (stats)
      console.log(`  ${stats.label.padEnd(44)} p50 ${stats.p50} ms, p99 ${stats.p99} ms (no target)`);

    const result = {
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? null,
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      settings: {
        connections: CONNECTIONS,
        warmupSeconds: WARMUP,
        durationSeconds: DURATION,
        hsPageSize: HS_PAGE_SIZE,
        applications: APPLICATIONS,
        pdfRenders: PDF_RENDERS,
        database: 'sqlite',
      },
      loadAverageAfter: os.loadavg(),
      hs: hsRuns,
      list,
      stats,
      certificatePdf: pdf,
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nfigures written to ${path.relative(repoRoot, OUT)}`);
  } finally {
    if (server) await server.stop();
    if (!process.env.BENCH_KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** a0, b0, a1, b1, …: a picker user types names and codes alike. */
function interleave(a, b) {
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
