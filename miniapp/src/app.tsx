import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import './app.css';

/** An unknown route (a stale link, a typo) lands on a friendly page instead of a blank screen. */
function App({ children }: PropsWithChildren) {
  usePageNotFound(() => {
    void Taro.redirectTo({ url: '/pages/not-found/index' });
  });
  return children;
}

export default App;
