import type { Page } from 'playwright-core';

/**
 * Shared by the issue-30 e2e files (care*.test.ts, every-page-*.test.ts): the three modes and the layout
 * probe. axe runs with every rule on (docs/design.md §Tests).
 */
/** How the phone is set up before the app starts: what 我的 stores (Taro keeps `{data}` in localStorage). */
export const MODES = {
  normal: { storage: {}, target: 44 },
  care: { storage: { 'wyt.care': 'on' }, target: 48 },
  'text-2x': { storage: { 'wyt.text-scale': '2', 'wyt.care': 'off' }, target: 44 },
} as const;

/**
 * Measured in the page (browser code, kept as text: the tests are typed without the DOM library): text
 * that leaves its box or the screen, text outside PageShell (which carries care mode and the text scale),
 * sideways scroll, tap targets smaller than `target` px, and an emoji on screen (the app draws pictures with its one icon set, docs/design.md §Icons).
 */
const LAYOUT_PROBLEMS = `({ route, target }) => {
  const root = [...document.querySelectorAll('.taro_page[id^="/' + route + '"]')].pop();
  if (!root) return ['page not shown'];
  const problems = [];
  const w = window.innerWidth;
  if (document.documentElement.scrollWidth > w + 1) problems.push('sideways scroll ' + document.documentElement.scrollWidth);
  const name = (el) => (el.className || el.tagName) + ' "' + (el.textContent || '').trim().slice(0, 12) + '"';
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const texts = [...el.childNodes].filter((n) => n.nodeType === 3 && (n.textContent || '').trim());
    const ownText = texts.length > 0;
    if (texts.some((n) => /\\p{Extended_Pictographic}/u.test(n.textContent))) problems.push('emoji: ' + name(el));
    if (ownText && (r.right > w + 1 || r.left < -1)) problems.push('off screen: ' + name(el));
    // PageShell carries care mode and the text scale: text drawn outside it gets neither.
    if (ownText && !el.closest('.shell')) problems.push('outside the page shell: ' + name(el));
    if (ownText && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      problems.push('text overflows: ' + name(el) + ' ' + el.scrollWidth + '>' + el.clientWidth);
    const tappable = el.matches('.nut-button, .choice, .nut-radio, .toggle, .care-tile, .nut-input, .nut-textarea, [role="button"]');
    if (tappable && (r.width < target - 0.5 || r.height < target - 0.5))
      problems.push('small target ' + Math.round(r.width) + '×' + Math.round(r.height) + ': ' + name(el));
  }
  return problems;
}`;

export const layoutProblems = (page: Page, route: string, target: number) =>
  page.evaluate<string[]>(`(${LAYOUT_PROBLEMS})(${JSON.stringify({ route, target })})`);
