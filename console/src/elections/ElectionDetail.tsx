import { useEffect } from 'react';
import { Tag } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { go, type Route } from '../route';
import { ErrorState, LoadingState } from '../states';
import { useLoad } from '../lib/use-load';
import { kindText, STATE_TEXT } from './labels';
import { Steps } from './Steps';
import { Candidates } from './Candidates';
import { Roster } from './Roster';
import { BallotEntry } from './BallotEntry';
import { Turnout } from './Turnout';
import { Results } from './Results';
import { Events } from './Events';
import { TabBar } from '../lib/tab-bar';

/** While the vote is open the turnout is read again this often (and after every ballot entered here). */
const LIVE_MS = 5000;

const TABS = [
  { value: 'steps', label: '概况与步骤' },
  { value: 'candidates', label: '候选人' },
  { value: 'roster', label: '业主名册' },
  { value: 'ballots', label: '录入选票' },
  { value: 'turnout', label: '参与情况' },
  { value: 'results', label: '投票结果' },
  { value: 'events', label: '操作记录' },
] as const;

/** One vote at the desk: its steps, candidates, roster, paper and proxy ballots, live turnout, results. */
export function ElectionDetail({ id, route }: { id: string; route: Route }) {
  const election = useLoad(() => api.get<CommitteeElection>(`/api/committee/elections/${id}`), id);
  const e = election.data;
  const tab = route.params.get('tab') ?? 'steps';
  const open = e?.state === 'OPEN';
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void election.reload(), LIVE_MS);
    return () => clearInterval(timer);
  }, [open, election]);

  if (election.error && !e) return <ErrorState error={election.error} retry={() => void election.reload()} />;
  if (!e) return <LoadingState />;
  const reload = () => void election.reload();
  return (
    <div className="wyt-page wyt-elections" data-testid="election-detail">
      <p className="wyt-elections__back">
        <a
          href="#/elections"
          onClick={(ev) => {
            ev.preventDefault();
            go('/elections');
          }}
        >
          ← 全部投票
        </a>
      </p>
      <h1>
        {e.title}{' '}
        <Tag theme={open ? 'primary' : 'default'} data-testid="election-state">
          {STATE_TEXT[e.state]}
        </Tag>
      </h1>
      <p className="wyt-elections__meta">
        {kindText(e)} · 截止 {beijingTime(e.closesAt)}
        {e.rosterUnits > 0 && ` · 名册 ${e.rosterUnits} 户`}
      </p>
      <TabBar
        label="投票管理"
        tabs={TABS}
        value={tab}
        onChange={(v) => go('/elections', { id, tab: v })}
        panelId="election-panel"
      />
      <section className="wyt-elections__panel" id="election-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'steps' && <Steps election={e} onDone={reload} />}
        {tab === 'candidates' && <Candidates election={e} onDone={reload} />}
        {tab === 'roster' && <Roster election={e} route={route} onDone={reload} />}
        {tab === 'ballots' && <BallotEntry election={e} onEntered={reload} />}
        {tab === 'turnout' && <Turnout election={e} />}
        {tab === 'results' && <Results election={e} />}
        {tab === 'events' && <Events election={e} />}
      </section>
    </div>
  );
}
