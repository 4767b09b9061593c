import { useEffect, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { EmptyIcon } from './empty-icon';
import { Icon } from './icon';
import { WayOutButtons } from './way-out';
import { Empty, Loading } from '../ui';
import { humanError } from '../features/errors/human-errors';
import { displayClasses, useDisplay } from '../features/display/display';
import './page-shell.css';

/**
 * H5 only: Taro's router draws each page in a `.taro_page` box that scrolls by itself, and a keyboard can
 * scroll a box only when the box, or something in it, takes focus — our buttons and cells are not HTML
 * buttons, so many pages had nothing focusable (WCAG 2.1.1; axe scrollable-region-focusable). Every page
 * box becomes focusable (tabindex 0), as axe's rule asks; it has no role, so it is not announced as a
 * control. The mini-program has no keyboard and no such box.
 */
function focusablePages() {
  if (process.env.TARO_ENV !== 'h5') return;
  document.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
}

/** The state of a page's request (useRequest, usePaged): the shell renders it. */
export type RequestView = {
  loading: boolean;
  error: Error | undefined;
  empty: boolean;
  data: unknown;
  reload: () => Promise<void>;
};

type Props = {
  request?: RequestView;
  loading?: boolean;
  error?: Error;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  /**
   * A part of a page inside the page's own PageShell (a list under a form): only the states, without the
   * page root — the outer shell already carries care mode and the text scale, and the margins.
   */
  section?: boolean;
  children?: ReactNode;
};

/**
 * Owns the states every page has — loading (a skeleton), error in plain words with a way out, signed
 * out, empty — otherwise the content; and it is every page's root, so it carries care mode and the text
 * scale (features/display). A reload keeps the content on screen (no flash of loading). An error is
 * shown here only: reads are silent in the API client, so there is no toast as well.
 */
export function PageShell({ request, emptyText = '暂无数据', section = false, children, ...own }: Props) {
  useEffect(focusablePages);
  const display = displayClasses(useDisplay()); // a hook: called whether or not it is used
  const root = section ? 'shell-section' : `shell ${display}`;
  const loading = request ? request.loading && request.data === undefined : own.loading;
  const error = request ? request.error : own.error;
  const empty = request ? request.empty : own.empty;
  const onRetry = request ? () => void request.reload() : own.onRetry;

  if (loading) {
    return (
      <View className={root} data-testid="state-loading" aria-label="正在加载" aria-busy>
        {/* The skeleton: four grey bars (CSS, not NutUI's Skeleton — §Main package size). */}
        <View className="skeleton" aria-hidden>
          {[0, 1, 2, 3].map((i) => (
            <View key={i} className="skeleton__bar" />
          ))}
        </View>
        <Loading className="shell__loading">加载中…</Loading>
      </View>
    );
  }
  if (error) {
    const h = humanError(error);
    return (
      <View className={`${root} shell--center`} data-testid={h.way === 'relogin' ? 'state-signed-out' : 'state-error'}>
        <View className="state">
          <Icon className="state__icon" name="warning" size={48} color="var(--wyt-warning)" />
          <Text className="state__title">{h.title}</Text>
          <Text className="state__text">{h.description}</Text>
          <WayOutButtons way={h.way} onRetry={onRetry} />
        </View>
      </View>
    );
  }
  if (empty) {
    return (
      <View className={`${root} shell--center`} data-testid="state-empty">
        <Empty image={<EmptyIcon />} title={emptyText} />
      </View>
    );
  }
  return <View className={root}>{children}</View>;
}
