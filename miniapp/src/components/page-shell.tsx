import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EmptyIcon } from './empty-icon';
import { Button, Empty, Loading } from '../ui';
import { ApiError } from '../api/client';
import './page-shell.css';

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
  children?: ReactNode;
};

const SIGNED_OUT = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * Owns the states every page has — loading, error with retry, signed out, empty — otherwise the
 * content. Give it the page's `request`; a reload keeps the content on screen (no flash of loading).
 * An error is shown here only: reads are silent in the API client, so there is no toast as well.
 */
export function PageShell({ request, emptyText = '暂无数据', children, ...own }: Props) {
  const loading = request ? request.loading && request.data === undefined : own.loading;
  const error = request ? request.error : own.error;
  const empty = request ? request.empty : own.empty;
  const onRetry = request ? () => void request.reload() : own.onRetry;

  if (loading) {
    return (
      <View className="shell shell--center" data-testid="state-loading">
        <Loading direction="vertical">加载中…</Loading>
      </View>
    );
  }
  if (error instanceof ApiError && SIGNED_OUT.has(error.code)) {
    return (
      <View className="shell shell--center" data-testid="state-signed-out">
        <Empty image={<EmptyIcon glyph="🔒" />} title="登录已失效" description="请重新登录后继续" />
        <Button type="primary" size="large" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          重新登录
        </Button>
      </View>
    );
  }
  if (error) {
    return (
      <View className="shell shell--center" data-testid="state-error">
        <Empty image={<EmptyIcon glyph="⚠️" />} status="error" title="加载失败" description={error.message} />
        {onRetry && (
          <Button type="primary" size="large" onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="shell shell--center" data-testid="state-empty">
        <Empty image={<EmptyIcon />} title={emptyText} />
      </View>
    );
  }
  return <View className="shell">{children}</View>;
}
