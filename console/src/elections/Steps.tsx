import { useState } from 'react';
import { Button, Dialog } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { NEXT_STEP } from './labels';
import { ErrorLine } from './ErrorLine';

type Confirm = { title: string; body: string; run: () => Promise<unknown> };

/**
 * The lifecycle at the desk: the one next step, each behind a confirmation that says what cannot be
 * undone; the roster's confirmation during the notice period; reminders while open.
 */
export function Steps({ election: e, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const [asking, setAsking] = useState<Confirm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [said, setSaid] = useState<string>();
  const next = NEXT_STEP[e.state];

  async function go(c: Confirm) {
    setBusy(true);
    setError(undefined);
    try {
      await c.run();
      setAsking(undefined);
      onDone();
    } catch (err) {
      setAsking(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wyt-elections__steps">
      <dl className="wyt-dl">
        {e.publishedAt && (
          <>
            <dt>公示时间</dt>
            <dd>{beijingTime(e.publishedAt)}</dd>
          </>
        )}
        {e.state === 'PUBLISHED' && e.earliestOpenAt && (
          <>
            <dt>最早开始投票（公示 {e.noticeDays} 天）</dt>
            <dd data-testid="earliest-open">{beijingTime(e.earliestOpenAt)}</dd>
          </>
        )}
        <dt>业主名册</dt>
        <dd data-testid="roster-state">
          {e.rosterUnits === 0
            ? '公示时生成'
            : e.rosterConfirmedAt
              ? `${e.rosterUnits} 户，已于 ${beijingTime(e.rosterConfirmedAt)} 确认`
              : `${e.rosterUnits} 户，待业委会确认`}
        </dd>
        <dt>改票</dt>
        <dd>{e.rules.allowChange ? '截止前可改一次' : '不可改票'}</dd>
      </dl>
      <div className="wyt-elections__actions">
        {e.state === 'PUBLISHED' && !e.rosterConfirmedAt && (
          <Button
            variant="outline"
            onClick={() =>
              setAsking({
                title: '确认业主名册？',
                body: `确认已核对 ${e.rosterUnits} 户的面积、来源和投票人。名册再有更正须重新确认。`,
                run: () => api.post(`/api/committee/elections/${e.id}/roster/confirmation`),
              })
            }
          >
            确认业主名册
          </Button>
        )}
        {next && (
          <Button
            onClick={() =>
              setAsking({
                title: `${next.label}？`,
                body: `${next.warn}此操作不能撤销。`,
                run: () => api.post(`/api/committee/elections/${e.id}/steps/${next.step}`),
              })
            }
          >
            {next.label}
          </Button>
        )}
        {e.state === 'OPEN' && (
          <Button
            variant="outline"
            onClick={() =>
              void api
                .post<{ owners: number; pushed: number }>(`/api/committee/elections/${e.id}/reminders`)
                .then((r) => setSaid(`已提醒 ${r.owners} 位未投票业主（发送 ${r.pushed} 条微信消息）`))
                .catch((err: Error) => setError(err.message))
            }
          >
            提醒未投票业主
          </Button>
        )}
      </div>
      <ErrorLine error={error} testId="step-error" />
      {said && <p role="status">{said}</p>}
      <Dialog
        header={asking?.title}
        visible={!!asking}
        onClose={() => setAsking(undefined)}
        onConfirm={() => asking && void go(asking)}
        confirmBtn={{ content: '确定', loading: busy }}
        cancelBtn="取消"
      >
        <p>{asking?.body}</p>
      </Dialog>
    </div>
  );
}
