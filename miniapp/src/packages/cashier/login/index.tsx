import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../ui';
import { bff, fileUrl } from '../../../session';
import { storageTokens } from '../../../api/taro-transport';
import { nextRoute } from '../../../entry';
import type { DeskTicketView } from '../../../api/types';
import '../../../features/desk/desk.css';
import { alt } from '../../../components/a11y';

const POLL_MS = 1500;

/** The code's text alternative says what it is for: whoever cannot see it still learns a phone must scan it. */
const CODE_ALT = '收银台登录小程序码，请用物业工作人员的手机微信扫一扫';

const STATE_TEXT: Record<DeskTicketView['state'], string> = {
  PENDING: '请用微信扫描二维码登录',
  SCANNED: '已扫码，请在手机上点“确认登录”',
  CONFIRMED: '已确认，正在进入收银台…',
  CONSUMED: '已登录',
  CANCELLED: '已在手机上取消登录',
  EXPIRED: '二维码已过期',
};

/**
 * 收银台登录 (desk browsers, H5): shows a mini-program code for a ticket bound to this browser; a staff
 * member scans it with WeChat and confirms on the phone; this page then takes its desk session.
 */
export default function DeskLogin() {
  const [ticket, setTicket] = useState<DeskTicketView>();
  const [error, setError] = useState<Error>();
  const visible = useRef(true);

  async function fresh() {
    setError(undefined);
    try {
      setTicket(await bff.newDeskTicket());
    } catch (err) {
      setError(err as Error);
    }
  }

  async function enter(id: string) {
    try {
      const { token } = await bff.redeemDeskTicket(id);
      storageTokens.set(token);
      await Taro.reLaunch({ url: nextRoute(await bff.me()) });
    } catch (err) {
      setError(err as Error);
    }
  }

  useDidShow(() => {
    visible.current = true;
    if (!ticket) void fresh();
  });
  useDidHide(() => {
    visible.current = false;
  });

  useEffect(() => {
    if (!ticket || (ticket.state !== 'PENDING' && ticket.state !== 'SCANNED')) return;
    const timer = setInterval(() => {
      if (!visible.current) return;
      bff.deskTicket(ticket.ticket).then(
        (next) => {
          if (next.state === ticket.state && next.matchCode === ticket.matchCode) return;
          setTicket(next);
          if (next.state === 'CONFIRMED') void enter(next.ticket);
        },
        (err: Error) => setError(err),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new poll per ticket and state, not per answer object
  }, [ticket?.ticket, ticket?.state]);

  const over = ticket && (ticket.state === 'EXPIRED' || ticket.state === 'CANCELLED');
  return (
    <PageShell loading={!ticket && !error} error={ticket ? undefined : error} onRetry={() => void fresh()}>
      {ticket && (
        <View className="desk-login" data-testid="desk-login">
          <View className="desk-login__card">
            <Text className="desk-login__title">物业通 · 收银台</Text>
            <Image
              className={`desk-login__code ${ticket.state === 'PENDING' ? '' : 'desk-login__code--faded'}`}
              src={fileUrl(bff.deskTicketCodePath(ticket.ticket))}
              mode="aspectFit"
              {...alt(CODE_ALT)}
              data-testid="desk-code"
            />
            <Text className="desk-login__state" data-testid="desk-state">
              {ticket.state === 'SCANNED' && ticket.scannedBy
                ? `${ticket.scannedBy} ${STATE_TEXT.SCANNED}`
                : STATE_TEXT[ticket.state]}
            </Text>
            {ticket.matchCode && (
              <View className="desk-login__match">
                <Text>在手机上输入</Text>
                <Text className="desk-login__digits" data-testid="desk-match-code">
                  {ticket.matchCode}
                </Text>
              </View>
            )}
            {error && <Text className="error">{error.message}</Text>}
            {(over || error) && (
              <Button type="primary" size="large" onClick={() => void fresh()}>
                刷新二维码
              </Button>
            )}
            <View className="desk-login__steps">
              <View>1. 打开手机微信，点右上角“+”，选“扫一扫”</View>
              <View>2. 扫描上方二维码，在手机上输入屏幕显示的两位数字，点“确认登录”</View>
              <View>3. 仅限物业工作人员；离开电脑前请点“退出登录”</View>
            </View>
          </View>
        </View>
      )}
    </PageShell>
  );
}
