import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest files the table at the end of `npm test` lists. */
const SLOWEST = 20;

/** One vitest project's share of a run. */
export type ProjectTime = {
  project: string;
  files: number;
  tests: number;
  /** Failed tests, and files that failed outside a test (a hook, an import). */
  failed: number;
  /** From its first file's start to its last file's end. */
  wallSeconds: number;
  /** Its files' durations added up (more than the wall time when files run side by side). */
  fileSeconds: number;
};

/** One file's time: the run's slowest files are where a long run is shortened. */
export type FileTime = { project: string; file: string; seconds: number };

/** What PROJECT_TIMES_FILE holds. */
export type RunTimes = { projects: ProjectTime[]; slowest: FileTime[] };

/**
 * A vitest reporter for `npm test` (scripts/test.ts): per project, its files, tests and seconds, and
 * the slowest files, written as JSON to the file named by PROJECT_TIMES_FILE when the run ends.
 */
export default class ProjectTimesReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly times = new Map<string, ProjectTime & { first: number; last: number }>();
  private readonly files: FileTime[] = [];

  onTestModuleStart(testModule: TestModule) {
    this.started.set(testModule.id + testModule.project.name, Date.now());
  }

  onTestModuleEnd(testModule: TestModule) {
    const name = testModule.project.name || 'default';
    const start = this.started.get(testModule.id + testModule.project.name) ?? Date.now();
    const end = Date.now();
    const t = this.times.get(name) ?? {
      project: name,
      files: 0,
      tests: 0,
      failed: 0,
      wallSeconds: 0,
      fileSeconds: 0,
      first: start,
      last: end,
    };
    const tests = [...testModule.children.allTests()];
    t.files += 1;
    t.tests += tests.length;
    const failedTests = tests.filter((c) => c.result().state === 'failed').length;
    t.failed += failedTests || (testModule.state() === 'failed' ? 1 : 0);
    t.fileSeconds += (end - start) / 1000;
    t.first = Math.min(t.first, start);
    t.last = Math.max(t.last, end);
    t.wallSeconds = (t.last - t.first) / 1000;
    this.times.set(name, t);
    this.files.push({
      project: name,
      file: relative(process.cwd(), testModule.moduleId),
      seconds: (end - start) / 1000,
    });
  }

  onTestRunEnd() {
    const file = process.env.PROJECT_TIMES_FILE;
    if (!file) return;
    const projects: ProjectTime[] = [...this.times.values()].map(({ first: _f, last: _l, ...row }) => row);
    const slowest = [...this.files].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST);
    writeFileSync(file, JSON.stringify({ projects, slowest } satisfies RunTimes));
  }
}
