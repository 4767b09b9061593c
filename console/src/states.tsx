import { Button, Loading } from 'tdesign-react';

/** The three states every screen has besides its content (docs/console.md, Shell). */
export const LoadingState = ({ text = '加载中…' }: { text?: string }) => (
  <div className="wyt-state" role="status">
    <Loading size="small" /> {text}
  </div>
);

export const EmptyState = ({ text }: { text: string }) => (
  <div className="wyt-state" data-testid="empty-state">
    {text}
  </div>
);

export const ErrorState = ({ error, retry }: { error: Error; retry?: () => void }) => (
  <div className="wyt-state" role="alert" data-testid="error-state">
    <p>{error.message}</p>
    {retry && <Button onClick={retry}>重试</Button>}
  </div>
);
