import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEAPP_DIST } from '../../scripts/lib/weapp-size.js';

/**
 * The weapp build run by WeChat's own component framework, one app per child process
 * (tests/weapp/page-process.cjs; docs/weapp-tests.md). Taro's app object is process-wide, as it is in
 * WeChat, so every page opened from a fresh start gets a process of its own.
 */

export type WeappReport = {
  errors: string[];
  warnings: string[];
  maxSetDataBytes: number;
  calls: { api: string; args: Record<string, unknown> }[];
};

export type WeappOptions = {
  /** The BFF the app's requests go to (the build's baked API_BASE is rewritten to it). */
  apiBase?: string;
  /** The simulator that mints wx.login codes, and the WeChat user (openid) the phone belongs to. */
  simBase?: string;
  openid?: string;
};

const RUNNER = join(import.meta.dirname, 'page-process.cjs');

/** WeChat's ceiling on one setData payload: 1 MB (docs/weapp-tests.md §What it checks). */
export const SET_DATA_LIMIT = 1024 * 1024;

/** Every page of app.json, subpackage pages under their root, in the order app.json lists them. */
export function appPages(dist = WEAPP_DIST): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

let templatesFile: string | undefined;

/**
 * WeChat's template compiler `wcc` over every .wxml of the build, once per test process: each page's
 * process reads the result instead of running wcc again. Throws what wcc reports.
 */
export function compiledTemplates(): string {
  if (templatesFile) return templatesFile;
  const compiler = createRequire(import.meta.url)('miniprogram-compiler') as { wxmlToJs(root: string): string };
  const file = join(tmpdir(), `wyt-weapp-gwx-${process.pid}.js`);
  writeFileSync(file, compiler.wxmlToJs(WEAPP_DIST));
  templatesFile = file;
  return file;
}

export class WeappApp {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`the weapp process ended (${signal ?? code})`));
      this.pending.clear();
    });
  }

  static start(opts: WeappOptions = {}): Promise<WeappApp> {
    const child = fork(RUNNER, [], {
      env: {
        ...process.env,
        WEAPP_DIST,
        WEAPP_GWX_FILE: compiledTemplates(),
        ...(opts.apiBase ? { WEAPP_API_BASE: opts.apiBase } : {}),
        ...(opts.simBase ? { WEAPP_SIM_BASE: opts.simBase } : {}),
        ...(opts.openid ? { WEAPP_SIM_OPENID: opts.openid } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onReady = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        child.off('message', onReady);
        resolve(new WeappApp(child));
      };
      child.on('message', onReady);
      child.once('exit', (code) => reject(new Error(`the weapp process ended before it was ready (${code})`)));
    });
  }

  call<T = unknown>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.exited) return Promise.reject(new Error('the weapp process has ended'));
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd, args });
    });
  }

  /**
   * Opens `route` as WeChat does on launch: App() once, then the page's onLoad(query), onShow, onReady;
   * `scene` is the launch scene WeChat reports (1001 from the app's own pages, 1047 for a camera scan).
   */
  async open(route: string, query: Record<string, string> = {}, scene = 1001) {
    await this.call('open', { route, query, scene });
    await this.settle();
  }

  /** Until no request is in flight and nothing has been rendered for a moment (at most `maxMs`). */
  settle(maxMs = 8000) {
    return this.call('settle', { maxMs });
  }

  text() {
    return this.call<string>('text');
  }

  report() {
    return this.call<WeappReport>('report');
  }

  count(selector: string) {
    return this.call<number>('count', { selector });
  }

  /**
   * The page's text once it has any: on a busy machine React may render a moment after the requests went
   * quiet. A page still blank after `timeoutMs` is blank.
   */
  async someText(timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await this.text();
      if (t.trim() !== '' || Date.now() > deadline) return t;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until the page's text contains `wanted`. */
  async waitForText(wanted: string, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await this.text();
      if (t.includes(wanted)) return t;
      if (Date.now() > deadline) throw new Error(`"${wanted}" never appeared; the page reads: ${t.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Taps the innermost element whose whole text is `text` (optionally matching `selector`). */
  async tap(text: string, selector?: string) {
    await this.call('tap', { text, selector });
    await this.settle();
  }

  /** Taps the `index`-th element matching `selector`. */
  async tapSelector(selector: string, index = 0) {
    await this.call('tapSelector', { selector, index });
    await this.settle();
  }

  /** Types into the `index`-th element matching `selector` (an <input> or <textarea>): WeChat's input event. */
  async input(selector: string, value: string, index = 0) {
    await this.call('input', { selector, value, index });
    await this.settle();
  }

  /** A WeChat event of `type` with `detail` on the `index`-th element matching `selector`. */
  async event(selector: string, type: string, detail: Record<string, unknown>, index = 0) {
    await this.call('event', { selector, type, detail, index });
    await this.settle();
  }

  /** The urls the app navigated to (navigateTo, redirectTo, reLaunch, switchTab), oldest first. */
  async navigations(): Promise<string[]> {
    const nav = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'];
    return (await this.report()).calls.filter((c) => nav.includes(c.api)).map((c) => String(c.args.url));
  }

  /**
   * Waits for the app to navigate to a page starting with `prefix` (after the `seen` navigations
   * already followed), then opens it in this app as WeChat would; returns its url.
   */
  async follow(prefix: string, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const urls = (await this.navigations()).slice(this.followed);
      const i = urls.findIndex((u) => u.startsWith(prefix));
      if (i >= 0) {
        this.followed += i + 1;
        const url = urls[i]!;
        const [path, search = ''] = url.replace(/^\//, '').split('?');
        await this.open(path!, Object.fromEntries(new URLSearchParams(search)));
        return url;
      }
      if (Date.now() > deadline) throw new Error(`no navigation to ${prefix}; navigations: ${urls.join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private followed = 0;

  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}

/** Runs `work` for each item, at most `size` at a time. */
export async function inPool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
