import type { NoticeCategory } from '../../api/types';

export const CATEGORY_LABELS: Record<NoticeCategory, string> = {
  GENERAL: '通知',
  OUTAGE: '停水停电',
  EVENT: '活动',
  COMMITTEE: '业委会公示',
  FEES: '收费公示',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as NoticeCategory[];
export const NOTICE_STATUS_LABELS = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' } as const;

/** Plain text typed by staff → safe paragraphs (the server sanitises again). */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}

/** The paragraphs of a notice body back to plain text for the editor. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
