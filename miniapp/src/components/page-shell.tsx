import { EmptyIcon } from './empty-icon';
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Empty, Loading } from '../ui';
import './page-shell.css';

type Props = {
  loading?: boolean;
  error?: Error;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
};

/** Owns the states every page has: loading, error with retry, empty; otherwise the content. */
export function PageShell({ loading, error, empty, emptyText = '暂无数据', onRetry, children }: Props) {
  if (loading) {
    return (
      <View className="shell shell--center" data-testid="state-loading">
        <Loading direction="vertical">加载中…</Loading>
      </View>
    );
  }
  if (error) {
    return (
      <View className="shell shell--center" data-testid="state-error">
        <Empty image={<EmptyIcon glyph="⚠️" />} status="error" title="加载失败" description={error.message} />
        {onRetry && (
          <Button type="primary" size="small" onClick={onRetry}>
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
