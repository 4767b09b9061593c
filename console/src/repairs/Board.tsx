import { useCallback, useEffect, useState } from 'react';
import { MessagePlugin, Tag } from 'tdesign-react';
import type { StaffRepairListPage, Technician } from '../../../bff/src/api-types';
import { api } from '../api';
import type { ScreenProps } from '../shell/screens';
import { ErrorState, LoadingState } from '../states';
import { AssignDialog } from './AssignDialog';
import { RepairDrawer, act } from './RepairDrawer';
import { useTechnicians } from './technicians';
import { STATUS_LABELS } from './labels';
import '../lib/screen.css';
import { useUrlTable } from '../lib/url-table';
import './board.css';

type Card = StaffRepairListPage['items'][number];
type Status = Card['status'];
/** The open states, one column each; the board shows each state's latest 100. */
const COLUMNS: Status[] = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED', 'DEFERRED'];
const ASSIGNABLE: Status[] = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED'];

/** Assigns as the phone does: an unaccepted repair is accepted first (the two actions, in order). */
async function assign(card: Card, t: Technician) {
  if (!ASSIGNABLE.includes(card.status)) throw new Error(`${STATUS_LABELS[card.status]}的报修不能再派单`);
  if (card.status === 'SUBMITTED') await act(card.id, { action: 'accept' });
  await act(card.id, { action: 'assign', technicianId: t.id });
}

/** Moves the focus between cards: ↑ ↓ within a column, ← → to the next column's first card. */
function moveFocus(e: React.KeyboardEvent<HTMLButtonElement>) {
  const card = e.currentTarget;
  const column = card.closest('[data-column]');
  const cards = [...(column?.querySelectorAll<HTMLButtonElement>('.wyt-card') ?? [])];
  const columns = [...document.querySelectorAll('[data-column]')];
  const at = cards.indexOf(card);
  const next =
    e.key === 'ArrowDown'
      ? cards[at + 1]
      : e.key === 'ArrowUp'
        ? cards[at - 1]
        : columns[columns.indexOf(column!) + (e.key === 'ArrowRight' ? 1 : -1)]?.querySelector<HTMLButtonElement>(
            '.wyt-card',
          );
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/**
 * 派单看板 (#26): a column per open state; a card is assigned by dragging it onto a technician, or by
 * keyboard — focus the card, press A, choose with ↑ ↓ and Enter. Enter on a card opens it in the drawer.
 */
export default function Board({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const open = url.get('open') || undefined;
  const techs = useTechnicians(communityId);
  const [columns, setColumns] = useState<Record<string, StaffRepairListPage>>();
  const [error, setError] = useState<Error>();
  const [choosing, setChoosing] = useState<Card>();
  const [over, setOver] = useState<string>();

  const load = useCallback(() => {
    setError(undefined);
    Promise.all(
      COLUMNS.map((s) =>
        api.get<StaffRepairListPage>(`/api/staff/communities/${communityId}/repairs?status=${s}&limit=100`),
      ),
    ).then((pages) => setColumns(Object.fromEntries(COLUMNS.map((s, i) => [s, pages[i]!]))), setError);
  }, [communityId]);
  useEffect(load, [load]);

  const cards = Object.values(columns ?? {}).flatMap((p) => p.items);
  const done = () => {
    load();
    techs.reload();
  };
  const assignTo = (card: Card | undefined, t: Technician) =>
    card &&
    assign(card, t).then(done, (e: Error) => {
      void MessagePlugin.error(e.message);
      done();
    });

  if (error || techs.error) return <ErrorState error={(error ?? techs.error)!} retry={done} />;
  if (!columns || !techs.items) return <LoadingState />;
  return (
    <div className="wyt-page wyt-mgr">
      <h1>派单看板</h1>
      <p className="wyt-mgr__note" id="board-keys">
        拖动报修卡片到右侧维修工上派单；或用 Tab 选中卡片，按 <kbd className="wyt-kbd">A</kbd> 选择维修工、
        <kbd className="wyt-kbd">Enter</kbd> 派单；卡片上按 <kbd className="wyt-kbd">Enter</kbd> 查看详情。
      </p>
      <div className="wyt-board">
        <div className="wyt-board__columns">
          {COLUMNS.map((s) => (
            <section key={s} className="wyt-board__column" data-column={s} aria-label={STATUS_LABELS[s]}>
              <h2>
                {STATUS_LABELS[s]} <Tag variant="outline">{columns[s]!.total}</Tag>
              </h2>
              <ul>
                {columns[s]!.items.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="wyt-card"
                      draggable={ASSIGNABLE.includes(c.status)}
                      data-testid="repair-card"
                      aria-describedby="board-keys"
                      aria-keyshortcuts={ASSIGNABLE.includes(c.status) ? 'A' : undefined}
                      onDragStart={(e) => e.dataTransfer.setData('text/plain', c.id)}
                      onClick={() => url.set({ open: c.id })}
                      onKeyDown={(e) => {
                        if ((e.key === 'a' || e.key === 'A') && ASSIGNABLE.includes(c.status)) {
                          e.preventDefault();
                          setChoosing(c);
                        } else moveFocus(e);
                      }}
                    >
                      <strong>{c.place}</strong>
                      {c.emergency && <Tag theme="danger">应急</Tag>}
                      <small>
                        {c.part}：{c.phenomenon}
                      </small>
                      <small>
                        {c.number}
                        {c.assignee ? ` · ${c.assignee.name}` : ''}
                      </small>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <section className="wyt-board__techs" aria-label="维修工（拖到这里派单）">
          <h2>维修工</h2>
          <ul>
            {techs.items.map((t) => (
              <li
                key={t.id}
                className="wyt-tech"
                data-testid="technician-target"
                data-over={over === t.id}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(t.id);
                }}
                onDragLeave={() => setOver(undefined)}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(undefined);
                  void assignTo(
                    cards.find((c) => c.id === e.dataTransfer.getData('text/plain')),
                    t,
                  );
                }}
              >
                {t.name}
                <small>在办 {t.openJobs}</small>
              </li>
            ))}
            {techs.items.length === 0 && <li className="wyt-mgr__note">本小区还没有维修工</li>}
          </ul>
        </section>
      </div>
      <AssignDialog
        title={choosing && `${choosing.place} ${choosing.part}`}
        technicians={techs.items}
        onChoose={(t) => {
          const card = choosing;
          setChoosing(undefined);
          void assignTo(card, t);
        }}
        onClose={() => setChoosing(undefined)}
      />
      <RepairDrawer id={open} technicians={techs.items} onClose={() => url.set({ open: undefined })} onChanged={done} />
    </div>
  );
}
