import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, WEAPP_DIST, weappSizes } from '../scripts/lib/weapp-size.js';
import { H5_ROOT } from './e2e/browser.js';
import { TEMPLATES } from '../bff/src/push/templates.js';

/** Runs on the builds `npm test` makes first (build:weapp, build:h5:e2e). */

describe('weapp package', () => {
  it('stays under WeChat limits: main package < 2 MB (hard limit), total ≤ 4 MB', () => {
    const sizes = weappSizes();
    expect(sizes.mainKb).toBeGreaterThan(50); // a real build, not an empty folder
    expect(sizes.mainKb).toBeLessThan(2048);
    expect(sizes.totalKb).toBeLessThanOrEqual(4096);
  });

  it('puts staff, cashier and committee pages, and the resident pages it can, in subpackages', () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8'));
    expect(app.subPackages.map((p: { root: string }) => p.root)).toEqual([
      'packages/staff',
      'packages/snapshots',
      'packages/fees',
      'packages/cashier',
      'packages/committee',
      'packages/voice',
      'packages/household',
    ]);
    expect(app.pages.some((p: string) => p.startsWith('packages/'))).toBe(false);
    expect(existsSync(join(WEAPP_DIST, 'packages/staff/bind-requests/index.js'))).toBe(true);
  });

  it('has the page every subscribe-message template opens (WeChat refuses an unknown page: 41030)', () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: { root: string; pages: string[] }[];
    };
    const pages = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    for (const t of Object.values(TEMPLATES)) expect(pages, t.id).toContain(t.page);
  });
});

describe('no secret in the mini-program bundle', () => {
  // What a leaked secret looks like, and the secrets this machine actually has.
  const patterns: RegExp[] = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /app_?secret["']?\s*[:=]\s*["'][0-9a-f]{32}["']/i,
    /WECHAT_SECRET|WECHATPAY_(PRIVATE|API_?V3)_?KEY|SIM_APPS/,
    /apiv3[_-]?key["']?\s*[:=]\s*["'][0-9A-Za-z]{32}["']/i,
  ];
  const known: string[] = [];
  const devSecret = join(import.meta.dirname, '../.data/dev-wechat-secret');
  if (existsSync(devSecret)) known.push(readFileSync(devSecret, 'utf8').trim());
  for (const [name, value] of Object.entries(process.env)) {
    if (/SECRET|PRIVATE|APIV3|PASSWORD/i.test(name) && value && value.length >= 12) known.push(value);
  }

  it.each([
    ['weapp', WEAPP_DIST],
    ['h5', H5_ROOT],
  ])('%s build', (_name, dir) => {
    const all = listFiles(dir).filter((f) => /\.(js|json|wxml|wxss|css|html|wxs)$/.test(f));
    expect(all.length).toBeGreaterThan(5);
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      for (const p of patterns) expect(p.test(text), `${file} matches ${p}`).toBe(false);
      for (const s of known) expect(text.includes(s), `${file} contains a secret value`).toBe(false);
    }
  });

  it('would catch one: the patterns match a planted secret', () => {
    const planted = 'const c = { appSecret: "0123456789abcdef0123456789abcdef" }; // -----BEGIN PRIVATE KEY-----';
    expect(patterns.filter((p) => p.test(planted)).length).toBe(2);
  });
});
