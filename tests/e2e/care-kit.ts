import type { Page } from 'playwright-core';

/** Shared by the issue-30 e2e files (care.test.ts, care2.test.ts): modes, layout probe, axe exceptions. */
/**
 * Findings about markup we do not write, left out and listed in docs/design.md §Tests as open: NutUI's
 * radio and switch pass `ariaRole`, which Taro's H5 renders as the invalid `aria-role` attribute
 * (aria-valid-attr, and so aria-allowed-attr for their aria-checked), and Taro's own scrolling page
 * container is not focusable (scrollable-region-focusable). Contrast and every other rule stay on.
 */
export const FRAMEWORK_RULES = ['aria-valid-attr', 'aria-allowed-attr', 'scrollable-region-focusable'];

/** How the phone is set up before the app starts: what 我的 stores (Taro keeps `{data}` in localStorage). */
export const MODES = {
  normal: { storage: {}, target: 44 },
  care: { storage: { 'wyt.care': 'on' }, target: 48 },
  'text-2x': { storage: { 'wyt.text-scale': '2', 'wyt.care': 'off' }, target: 44 },
} as const;

/**
 * Measured in the page (browser code, kept as text: the tests are typed without the DOM library): text
 * that leaves its box or the screen, sideways scroll, tap targets smaller than `target` px.
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
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent || '').trim());
    if (ownText && (r.right > w + 1 || r.left < -1)) problems.push('off screen: ' + name(el));
    if (ownText && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      problems.push('text overflows: ' + name(el) + ' ' + el.scrollWidth + '>' + el.clientWidth);
    const tappable = el.matches('.nut-button, .choice, .nut-radio, .nut-switch, .care-tile, .nut-input, .nut-textarea, [role="button"]');
    if (tappable && (r.width < target - 0.5 || r.height < target - 0.5))
      problems.push('small target ' + Math.round(r.width) + '×' + Math.round(r.height) + ': ' + name(el));
  }
  return problems;
}`;

export const layoutProblems = (page: Page, route: string, target: number) =>
  page.evaluate<string[]>(`(${LAYOUT_PROBLEMS})(${JSON.stringify({ route, target })})`);
