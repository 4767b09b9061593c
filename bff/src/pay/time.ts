/** WeChat Pay's time format: RFC 3339 in Beijing time, e.g. 2026-11-23T10:34:56+08:00 (wechat-spec.md §5). */
export function rfc3339(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}
