import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import './theme/tokens.css';
import './app.css';

// NutUI draws its icons with an <i>, for which Taro has no mini-program template: in WeChat every icon
// (the loading spinner, the input's clear button) rendered as nothing. A <view> is a component Taro
// always has (docs/weapp-tests.md §Icons).
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

/** An unknown route (a stale link, a typo) lands on a friendly page instead of a blank screen. */
function App({ children }: PropsWithChildren) {
  usePageNotFound(() => {
    void Taro.redirectTo({ url: '/pages/not-found/index' });
  });
  return children;
}

export default App;
