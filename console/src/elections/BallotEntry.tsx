import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Radio } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { api } from '../api';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { useLoad } from '../lib/use-load';
import { choicesOf } from './labels';
import { loadRoster, type RosterUnit } from './Roster';
import { matchUnits } from './match-unit';
import { uploadPhoto } from './upload';
import { Turnout } from './Turnout';
import { ErrorLine } from './ErrorLine';

type Channel = 'PAPER' | 'PROXY';

/**
 * 录入纸质选票 / 委托投票 by keyboard (docs/console.md §Committee): type the unit (`3-602`) and Enter →
 * the owner's choices by their number keys (1–9) → the photo of the signed paper or the written
 * authorisation → Enter. One ballot per owner across every channel: the BFF refuses a second
 * (ALREADY_VOTED) and the message says so. The turnout beside it follows each entry.
 */
export function BallotEntry({ election: e, onEntered }: { election: CommitteeElection; onEntered: () => void }) {
  const roster = useLoad(() => loadRoster(e.id), e.id);
  const unitBox = useRef<HTMLInputElement>(null);
  const fileBox = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<RosterUnit[]>([]);
  const [active, setActive] = useState(0);
  const [unit, setUnit] = useState<RosterUnit>();
  const [channel, setChannel] = useState<Channel>('PAPER');
  const [picked, setPicked] = useState<string[]>([]);
  const [photo, setPhoto] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const options = useMemo(() => choicesOf(e), [e]);
  useEffect(() => unitBox.current?.focus(), [roster.data]);

  if (e.state !== 'OPEN') return <EmptyState text="投票进行中才能录入纸质选票和委托投票" />;
  if (roster.error) return <ErrorState error={roster.error} retry={() => void roster.reload()} />;
  if (!roster.data) return <LoadingState />;

  function choose(u: RosterUnit) {
    setUnit(u);
    setFound([]);
    setError(undefined);
    setQ(u.unit);
    document.getElementById('ballot-choice-0')?.focus();
  }
  function find() {
    const hits = matchUnits(roster.data!.units, q);
    setUnit(undefined);
    setDone(undefined);
    if (hits.length === 1) return choose(hits[0]!);
    setFound(hits);
    setActive(0);
    setError(hits.length === 0 ? `名册中没有“${q}”，请核对楼号和房号` : undefined);
  }
  function toggle(id: string) {
    if (e.kind === 'MATTER') return setPicked([id]);
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length >= e.seats ? p : [...p, id]));
  }
  function reset() {
    setUnit(undefined);
    setQ('');
    setPicked([]);
    setPhoto(undefined);
    if (fileBox.current) fileBox.current.value = '';
    unitBox.current?.focus();
  }
  async function enter() {
    if (busy) return;
    if (!unit) return setError('请先输入房屋并回车');
    if (!photo) return setError(`请选择${channel === 'PAPER' ? '签字选票' : '书面委托'}的照片`);
    setBusy(true);
    setError(undefined);
    try {
      const evidenceUploadId = await uploadPhoto(photo);
      const r = await api.post<{ receipt: string; unit: string }>(`/api/committee/elections/${e.id}/paper-ballots`, {
        unitId: unit.unitId,
        channel,
        choices: picked,
        evidenceUploadId,
      });
      setDone(`已录入 ${r.unit} 的${channel === 'PAPER' ? '纸质选票' : '委托投票'}（回执 ${r.receipt}）`);
      reset();
      onEntered();
    } catch (err) {
      setError(`${unit.unit}：${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const names = options.filter((o) => picked.includes(o.id)).map((o) => o.label);
  return (
    <div className="wyt-ballots">
      <form
        className="wyt-ballots__form"
        aria-label="录入选票"
        data-testid="ballot-entry"
        onSubmit={(ev) => {
          ev.preventDefault();
          void enter();
        }}
        onKeyDown={(ev) => {
          const target = ev.target as HTMLElement;
          if (target === unitBox.current) return;
          const n = Number(ev.key);
          if (n >= 1 && n <= options.length) {
            ev.preventDefault();
            toggle(options[n - 1]!.id);
          } else if (ev.key === 'Enter') {
            ev.preventDefault();
            void enter();
          }
        }}
      >
        <label className="wyt-ballots__unit">
          <span>房屋（如 3-602，回车）</span>
          <input
            ref={unitBox}
            className="wyt-input"
            value={q}
            data-testid="ballot-unit"
            onChange={(ev) => setQ(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter') {
                ev.preventDefault();
                if (found.length > 1) choose(found[active]!);
                else find();
              } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
                ev.preventDefault();
                const step = ev.key === 'ArrowDown' ? 1 : -1;
                setActive((a) => (a + step + found.length) % Math.max(found.length, 1));
              }
            }}
          />
        </label>
        {found.length > 1 && (
          <ul className="wyt-ballots__found" aria-label="找到多户，↑ ↓ 选择后回车">
            {found.map((u, i) => (
              <li key={u.unitId} aria-current={i === active ? 'true' : undefined}>
                <button type="button" onClick={() => choose(u)}>
                  {u.unit}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Radio.Group value={channel} onChange={(v) => setChannel(v as Channel)} aria-label="投票方式">
          <Radio value="PAPER">纸质选票（本人签字）</Radio>
          <Radio value="PROXY">委托投票（书面委托）</Radio>
        </Radio.Group>
        <fieldset className="wyt-ballots__choices">
          <legend>{e.kind === 'MATTER' ? '表决意见（按数字键）' : `选择候选人（最多 ${e.seats} 人，按数字键）`}</legend>
          {options.map((o, i) => (
            <label key={o.id}>
              <input
                id={`ballot-choice-${i}`}
                type="checkbox"
                checked={picked.includes(o.id)}
                onChange={() => toggle(o.id)}
              />
              <kbd className="wyt-kbd">{i + 1}</kbd> {o.label}
            </label>
          ))}
        </fieldset>
        <label className="wyt-ballots__photo">
          <span>{channel === 'PAPER' ? '签字选票照片' : '书面委托照片'}</span>
          <input
            ref={fileBox}
            type="file"
            accept="image/*"
            data-testid="ballot-photo"
            onChange={(ev) => setPhoto(ev.target.files?.[0])}
          />
        </label>
        <p className="wyt-ballots__summary" data-testid="ballot-summary">
          {unit
            ? `${unit.unit} · ${names.join('、') || (e.kind === 'MATTER' ? '未选择' : '不选任何人')}`
            : '请先输入房屋'}
        </p>
        <Button type="submit" loading={busy}>
          录入（回车）
        </Button>
        <ErrorLine error={error} testId="ballot-error" />
        <p role="status" data-testid="ballot-done">
          {done}
        </p>
      </form>
      <aside className="wyt-ballots__turnout" aria-label="实时参与情况">
        <Turnout election={e} />
      </aside>
    </div>
  );
}
