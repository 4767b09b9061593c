import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFiles, WEAPP_DIST } from '../../scripts/lib/weapp-size.js';
import { appPages } from './weapp.js';

/**
 * The weapp build checked as WeChat DevTools would before running it (docs/weapp-tests.md §What it
 * checks): the files app.json names, the custom components pages use, WeChat's own WXML and WXSS
 * compilers, and the WeChat APIs the app calls.
 */
const require = createRequire(import.meta.url);
const compilerDir = dirname(require.resolve('miniprogram-compiler/package.json'));
/**
 * wcsc as WeChat ships it in the package; run from a private copy because the library makes it
 * executable with a chmod on the (possibly shared) installed file.
 */
function wcsc(): string {
  const copy = join(tmpdir(), `wyt-wcsc-${process.pid}`);
  if (!existsSync(copy)) {
    copyFileSync(join(compilerDir, 'bin/linux/wcsc'), copy);
    chmodSync(copy, 0o755);
  }
  return copy;
}
const rel = (file: string) => relative(WEAPP_DIST, file).split('\\').join('/');
const files = (ext: string) => listFiles(WEAPP_DIST).filter((f) => f.endsWith(ext));

/** The APIs (methods and fields) of `wx` in WeChat's own typings, miniprogram-api-typings' `interface Wx`. */
export function wxApiNames(): Set<string> {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx')
      for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) names.add(m.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The `wx` APIs the app reaches: `Taro.x` in our source (Taro hands it to `wx.x`) and `wx.x` in the build. */
export function wxCallsOfApp(): Map<string, string> {
  const calls = new Map<string, string>();
  const src = join(import.meta.dirname, '../../miniapp/src');
  for (const file of listFiles(src).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)))
    for (const m of readFileSync(file, 'utf8').matchAll(/\bTaro\.([a-z][\w$]*)\s*\(/g))
      calls.set(m[1]!, relative(src, file));
  for (const file of files('.js'))
    for (const m of readFileSync(file, 'utf8').matchAll(/\bwx(?:\.([A-Za-z_$][\w$]*)|\["([A-Za-z_$][\w$]*)"\])/g)) {
      const name = (m[1] ?? m[2])!;
      if (name !== 'webpackJsonp') calls.set(name, rel(file)); // webpack's chunk list, not an API
    }
  return calls;
}

describe('the weapp build, as DevTools checks it', () => {
  it('has the .js, .json and .wxml of every page and subpackage page of app.json', () => {
    const missing = appPages().flatMap((page) =>
      ['.js', '.json', '.wxml'].filter((ext) => !existsSync(join(WEAPP_DIST, page + ext))).map((ext) => page + ext),
    );
    expect(missing).toEqual([]);
  });

  it('resolves every usingComponents path to a component', () => {
    const unresolved: string[] = [];
    for (const file of files('.json')) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
      for (const [tag, path] of Object.entries(json.usingComponents ?? {})) {
        if (path.startsWith('plugin://')) continue;
        const target = path.startsWith('/') ? join(WEAPP_DIST, path) : join(dirname(file), path);
        if (!['.js', '.json', '.wxml'].every((ext) => existsSync(target + ext)))
          unresolved.push(`${rel(file)}: ${tag}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it("compiles every .wxml and .wxs with WeChat's wcc", () => {
    const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string): string };
    // wxmlToJs throws with wcc's message when wcc exits with an error
    expect(compiler.wxmlToJs(WEAPP_DIST)).toContain('$gwx');
  });

  it("compiles every .wxss with WeChat's wcsc (its exit code: the library returns the error)", () => {
    // All files in one call, as the library does (@import needs the imported file in the list),
    // pages' and components' (those with a .json) first, their count after -pc.
    const all = files('.wxss').map(rel);
    const own = all.filter((f) => existsSync(join(WEAPP_DIST, f.replace(/\.wxss$/, '.json'))));
    const rest = all.filter((f) => !own.includes(f));
    const res = spawnSync(wcsc(), ['-db', '-pc', String(own.length), ...own, ...rest], {
      cwd: WEAPP_DIST,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(all.length).toBeGreaterThan(5);
    expect({ status: res.status, error: res.error?.message, stderr: res.stderr }).toEqual({
      status: 0,
      error: undefined,
      stderr: '',
    });
  });

  it('calls only wx APIs that exist in WeChat (miniprogram-api-typings)', () => {
    const known = wxApiNames();
    expect(known.has('login') && known.has('requestPayment')).toBe(true); // the typings were read
    const calls = wxCallsOfApp();
    expect(calls.has('login')).toBe(true);
    const unknown = [...calls].filter(([name]) => !known.has(name)).map(([name, file]) => `wx.${name} (${file})`);
    expect(unknown).toEqual([]);
  });
});
