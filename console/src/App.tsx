import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Me } from '../../bff/src/api-types';
import { api, token, whenSignedOut } from './api';
import { Login } from './login/Login';
import { Shell } from './shell/Shell';
import { screensFor } from './shell/nav';
import { SCREEN_COMPONENTS } from './shell/screens';
import { go, useRoute } from './route';
import { EmptyState, ErrorState, LoadingState } from './states';

const Receipt = lazy(() => import('./receipt/Receipt'));
const FirstCommunity = lazy(() => import('./master/FirstCommunity'));

const COMMUNITY = 'wyt-console-community';

export function App() {
  const [signedIn, setSignedIn] = useState(() => token.get() !== null);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<Error>();
  const [communityId, setCommunityId] = useState(() => sessionStorage.getItem(COMMUNITY) ?? '');
  const route = useRoute();

  const load = useCallback(() => {
    setError(undefined);
    api.get<Me>('/api/me').then((m) => {
      setMe(m);
      setCommunityId((c) => (m.staff.some((s) => s.community.id === c) ? c : (m.staff[0]?.community.id ?? '')));
    }, setError);
  }, []);
  useEffect(() => whenSignedOut(() => setSignedIn(false)), []);
  useEffect(() => {
    if (signedIn) load();
  }, [signedIn, load]);
  useEffect(() => sessionStorage.setItem(COMMUNITY, communityId), [communityId]);

  const onSignedIn = useCallback(() => setSignedIn(true), []);
  async function signOut() {
    await api.post('/api/auth/logout').catch(() => undefined);
    token.clear();
    setMe(undefined);
    setSignedIn(false);
  }

  if (!signedIn) return <Login onSignedIn={onSignedIn} />;
  if (error) return <ErrorState error={error} retry={load} />;
  if (!me) return <LoadingState />;

  const roles = me.staff.find((s) => s.community.id === communityId)?.roles ?? [];
  const screens = screensFor(roles);
  let screen;
  if (route.path.startsWith('/receipt/')) screen = <Receipt id={route.path.slice('/receipt/'.length)} route={route} />;
  else if (!screens.some((s) => s.path === route.path)) {
    screen = screens[0] ? (
      <Redirect to={screens[0].path} />
    ) : me.staff.length === 0 ? (
      <FirstCommunity onCreated={load} />
    ) : (
      <EmptyState text="您在这个小区的角色暂无办公台功能，请在手机微信中使用。" />
    );
  } else {
    const Screen = SCREEN_COMPONENTS[route.path as keyof typeof SCREEN_COMPONENTS];
    screen = <Screen communityId={communityId} route={route} me={me} />;
  }
  return (
    <Shell me={me} communityId={communityId} onCommunity={setCommunityId} onSignOut={signOut} route={route}>
      <Suspense fallback={<LoadingState />}>{screen}</Suspense>
    </Shell>
  );
}

/** A screen this role does not have (or none asked for): the role's first screen. */
function Redirect({ to }: { to: string }) {
  useEffect(() => go(to), [to]);
  return <LoadingState />;
}
