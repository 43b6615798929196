import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line CI reads ("N passed, N failed") and one line per project, so a
 * suite that ran on no database or no browser is visible; with CI=true such a suite fails the run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const m of modules) {
      const name = m.project.name || 'default';
      const p = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') (passed++, p.passed++);
        else if (state === 'failed') (failed++, p.failed++);
        else (skipped++, p.skipped++);
      }
      if (m.state() === 'failed' && m.children.size === 0) (failed++, p.failed++);
      perProject.set(name, p);
    }
    const out: string[] = [''];
    for (const [name, p] of [...perProject].sort()) {
      out.push(
        `suite ${name}: ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''}`,
      );
    }
    const expected = (process.env.EXPECT_SUITES ?? '').split(',').filter(Boolean);
    for (const name of expected) {
      if (!perProject.get(name)?.passed) {
        out.push(`suite ${name} ran no passing test: failing the run`);
        failed++;
        process.exitCode = 1;
      }
    }
    if (process.env.CI === 'true' && skipped > 0) {
      out.push(`${skipped} test(s) skipped under CI=true: failing the run`);
      process.exitCode = 1;
    }
    out.push(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.stdout.write(out.join('\n') + '\n');
  }
}
