import { useCallback, useEffect, useState } from 'react';
import { Button } from 'tdesign-react';
import type { DeskRedeemed, DeskTicketView } from '../../../bff/src/api-types';
import { api, token } from '../api';
import { ErrorState, LoadingState } from '../states';
import './login.css';

const POLL_MS = 1500;
const STATE_TEXT: Record<DeskTicketView['state'], string> = {
  PENDING: '请用微信扫描二维码登录',
  SCANNED: '已扫码，请在手机上输入下方两位数字并确认',
  CONFIRMED: '已确认，正在进入办公台…',
  CONSUMED: '已登录',
  CANCELLED: '已在手机上取消登录',
  EXPIRED: '二维码已过期',
};

/**
 * The desk login (README, Desk login; docs/wechat.md §6): a mini-program code for a ticket bound to this
 * browser by its HttpOnly cookie; a staff member scans it with WeChat, types the two digits shown here on
 * the phone and confirms; this page then redeems the ticket for a desk session.
 */
export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const [ticket, setTicket] = useState<DeskTicketView>();
  const [error, setError] = useState<Error>();

  const fresh = useCallback(() => {
    setError(undefined);
    setTicket(undefined);
    api.post<DeskTicketView>('/api/desk/tickets').then(setTicket, setError);
  }, []);
  useEffect(fresh, [fresh]);

  const id = ticket?.ticket;
  const state = ticket?.state;
  useEffect(() => {
    if (!id || (state !== 'PENDING' && state !== 'SCANNED')) return;
    const timer = setInterval(() => {
      api.get<DeskTicketView>(`/api/desk/tickets/${id}`).then(async (next) => {
        setTicket(next);
        if (next.state !== 'CONFIRMED') return;
        clearInterval(timer);
        const redeemed = await api.post<DeskRedeemed>(`/api/desk/tickets/${id}/redeem`);
        token.set(redeemed.token);
        onSignedIn();
      }, setError);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, state, onSignedIn]);

  const over = state === 'EXPIRED' || state === 'CANCELLED';
  return (
    <main className="wyt-login">
      <h1>物业通 · 办公台</h1>
      {error ? (
        <ErrorState error={error} retry={fresh} />
      ) : !ticket ? (
        <LoadingState text="正在生成登录二维码…" />
      ) : (
        <section className="wyt-login__card" aria-live="polite">
          <div data-testid="desk-code" className={state === 'PENDING' ? '' : 'wyt-login__code--faded'}>
            <img src={`/api/desk/tickets/${ticket.ticket}/code`} alt="登录小程序码" width={240} height={240} />
          </div>
          <p data-testid="desk-state">
            {state === 'SCANNED' && ticket.scannedBy
              ? `${ticket.scannedBy} ${STATE_TEXT.SCANNED}`
              : STATE_TEXT[ticket.state]}
          </p>
          {ticket.matchCode && (
            <p className="wyt-login__digits" data-testid="desk-match-code" aria-label="两位验证数字">
              {ticket.matchCode}
            </p>
          )}
          {over && <Button onClick={fresh}>刷新二维码</Button>}
        </section>
      )}
      <p className="wyt-login__hint">仅限物业员工。请只扫描您本人面前电脑上的二维码。</p>
    </main>
  );
}
