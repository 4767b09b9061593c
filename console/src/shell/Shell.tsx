import { type ReactNode } from 'react';
import { Button, Select } from 'tdesign-react';
import type { Me } from '../../../bff/src/api-types';
import { go, type Route } from '../route';
import { screensFor } from './nav';
import './shell.css';

type Props = {
  me: Me;
  communityId: string;
  onCommunity: (id: string) => void;
  onSignOut: () => void;
  route: Route;
  children: ReactNode;
};

/**
 * The frame of every screen: the left navigation by the roles held in the chosen community, the
 * community switcher at the top, and the signed-in person with 结束本次登录, always in view.
 */
export function Shell({ me, communityId, onCommunity, onSignOut, route, children }: Props) {
  const here = me.staff.find((s) => s.community.id === communityId);
  const screens = screensFor(here?.roles ?? []);
  return (
    <div className="wyt-shell">
      <header className="wyt-shell__top">
        <strong className="wyt-shell__brand">物业通 · 办公台</strong>
        <label className="wyt-shell__community">
          <span>小区</span>
          <Select
            value={communityId}
            onChange={(v) => onCommunity(String(v))}
            options={me.staff.map((s) => ({ label: s.community.name, value: s.community.id }))}
            style={{ width: 200 }}
            aria-label="切换小区"
            data-testid="community-switcher"
          />
        </label>
        <span className="wyt-shell__me" data-testid="signed-in-person">
          {me.name ?? '工作人员'}
        </span>
        <Button variant="outline" onClick={onSignOut}>
          结束本次登录
        </Button>
      </header>
      <nav className="wyt-shell__nav" aria-label="功能导航">
        <ul>
          {screens.map((s) => (
            <li key={s.path}>
              <a
                href={`#${s.path}`}
                aria-current={route.path === s.path ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(s.path);
                }}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="wyt-shell__main">{children}</main>
    </div>
  );
}
