import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESIDENT_MODULES, staffModules } from '../roles';
import { ICON_NAMES } from './icon-paths';

/** Issue 30: one icon set, no emoji (docs/design.md §Icons). */
const SRC = join(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|css)$/.test(n) && !/\.test\./.test(n) ? [p] : [];
  });

describe('icons', () => {
  it('no emoji anywhere in the app: pictures come from components/icon.tsx', () => {
    // Extended_Pictographic: every emoji (📎, ☎️, 🛠️ …), not plain text marks such as ✓ or ·.
    const found = files(SRC).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\p{Extended_Pictographic}/u.test(line) ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('every home module, resident and staff, has a glyph of the set', () => {
    const all = [...RESIDENT_MODULES, ...staffModules(['MANAGER', 'TECHNICIAN', 'CASHIER', 'COMMITTEE_MEMBER'])];
    expect(all.filter((m) => !ICON_NAMES.includes(m.icon))).toEqual([]);
  });
});
