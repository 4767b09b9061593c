/** The display rules as pure functions (display.ts keeps the state on the phone). */
export type TextChoice = 'wechat' | '1' | '1.5' | '2';
export type Display = {
  /** 'on' / 'off' once the resident chose; '' while they have not (then we may offer it). */
  care: 'on' | 'off' | '';
  text: TextChoice;
  /** WeChat's font-size scale (1 in a browser, which scales the page with its own zoom instead). */
  wechatScale: number;
};

/** At or above this WeChat font scale the app offers care mode by itself. */
export const LARGE_FONT = 1.3;
/** The scale the type is drawn at: the resident's choice, else WeChat's, snapped to the steps we test. */
export function textScale(d: Display): 1 | 1.25 | 1.5 | 2 {
  const s = d.text === 'wechat' ? d.wechatScale : Number(d.text);
  if (s >= 1.75) return 2;
  if (s >= 1.4) return 1.5;
  if (s >= 1.15) return 1.25;
  return 1;
}

/** The classes on every page's root (PageShell): the tokens in theme/tokens.css read them. */
export function displayClasses(d: Display): string {
  const scale = textScale(d);
  return [d.care === 'on' ? 'care' : '', scale > 1 ? `text-${scale * 100}` : ''].filter(Boolean).join(' ');
}

/** Offer care mode when WeChat's font is large and the resident has not yet said yes or no. */
export function shouldOfferCare(d: Display): boolean {
  return d.care === '' && d.wechatScale >= LARGE_FONT;
}
