import { useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input } from '../../../ui';
import { bff, hasSession, loginWithWechat } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { shortTime } from '../../../beijing';
import type { PhoneTicketView } from '../../../api/types';
import '../../../features/desk/desk.css';
import { inputLabel } from '../../../components/a11y';

/** WeChat's launch scene of a camera scan of a mini-program code (docs/wechat.md §6). */
const CAMERA_SCAN = 1047;

/**
 * How this page was entered (场景值). In WeChat: the enter options (a hot start included). The H5
 * development build has no WeChat client around it: there the simulator's answer to a "scan" stands in,
 * passed as `launchScene`; a release H5 build has no phone session to confirm with anyway.
 */
function enterScene(params: Record<string, string | undefined>): number {
  if (process.env.TARO_ENV === 'h5') return DEV_LOGIN ? Number(params.launchScene ?? 0) : 0;
  return (Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync()).scene;
}

/**
 * Opened by scanning a desk's code with WeChat (launch scene 1047; the ticket arrives URL-encoded as
 * `scene`, docs/wechat.md §6): shows which desk asks, asks for the two digits the desk now shows and
 * lets a staff member confirm or cancel, then lists their desk logins so one left open can be ended.
 * Opened from a picture (a long press, the album, a chat card) it only explains how to scan instead.
 */
export default function DeskLoginConfirm() {
  const { params } = useRouter();
  const ticketId = decodeURIComponent(params.scene ?? '');
  const [scene] = useState(() => enterScene(params));
  const [digits, setDigits] = useState('');
  const [ticket, setTicket] = useState<PhoneTicketView>();
  const [outcome, setOutcome] = useState<'confirmed' | 'cancelled'>();
  const [error, setError] = useState<Error>();

  async function open() {
    setError(undefined);
    try {
      // Opened straight from a scan: there may be no session yet.
      if (!hasSession() && process.env.TARO_ENV === 'weapp') await loginWithWechat();
      setTicket(await bff.scanDeskTicket(ticketId, scene));
    } catch (err) {
      setError(err as Error);
    }
  }
  useDidShow(() => {
    if (ticketId && scene === CAMERA_SCAN && !ticket && !outcome) void open();
  });

  const decide = useAction(async (confirm: boolean) => {
    await (confirm ? bff.confirmDeskTicket(ticketId, scene, digits) : bff.cancelDeskTicket(ticketId));
    setOutcome(confirm ? 'confirmed' : 'cancelled');
  });

  if (outcome || !ticketId) return <Decided outcome={outcome} />;
  if (scene !== CAMERA_SCAN) return <ScanWithCamera />;
  return (
    <PageShell loading={!ticket && !error} error={error ?? decide.error} onRetry={() => void open()}>
      {ticket && (
        <View className="desk-confirm" data-testid="desk-confirm">
          <Text className="section-title">收银台电脑请求登录</Text>
          {/* Before the digits: a phisher can relay them, so the person checks the desk is the one before them (docs/wechat.md §6). */}
          <Text className="hint desk-confirm__warning" data-testid="desk-warning">
            {ticket.warning}
          </Text>
          <CellGroup>
            <Cell title="电脑浏览器" extra={ticket.desk.agent} />
            <Cell title="网络地址" extra={ticket.desk.ip} />
            <Cell title="请求时间" extra={shortTime(ticket.desk.createdAt)} />
          </CellGroup>
          <Text className="hint">请确认是你本人正在这台电脑前操作。登录后这台电脑只能使用员工功能，最长 12 小时。</Text>
          <Text className="section-title">请输入电脑屏幕上显示的两位数字</Text>
          <Input
            type="number"
            maxLength={2}
            value={digits}
            onChange={(v: string) => setDigits(v.replace(/\D/g, '').slice(0, 2))}
            placeholder="两位数字"
            {...inputLabel('电脑屏幕上显示的两位数字')}
            data-testid="desk-match-input"
          />
          <View className="desk-confirm__buttons">
            <Button
              type="primary"
              size="large"
              block
              disabled={digits.length !== 2}
              loading={decide.running}
              onClick={() => void decide.run(true)}
            >
              确认登录
            </Button>
            <Button size="large" block disabled={decide.running} onClick={() => void decide.run(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}

/** Opened from a picture of a code rather than the camera: possibly someone else's computer (docs/wechat.md §6). */
function ScanWithCamera() {
  return (
    <PageShell>
      <View className="desk-confirm" data-testid="desk-scan-with-camera">
        <Text className="section-title">请用“扫一扫”扫描电脑屏幕</Text>
        <Text className="hint">
          为了安全，收银台登录只能在电脑前打开微信“扫一扫”，直接扫描屏幕上的二维码。别人发来的二维码图片、长按识别或从相册选取的二维码都不能登录——如果有人发给你这样的图片，请不要理会。
        </Text>
      </View>
    </PageShell>
  );
}

/** After the decision (or opened from the cashier desk on the phone): the desk logins still open, each can be ended here. */
function Decided({ outcome }: { outcome?: 'confirmed' | 'cancelled' }) {
  const logins = useRequest(
    () => bff.deskLogins(),
    [],
    (d) => d.items.length === 0,
  );
  const count = logins.data?.items.length;
  const [first, setFirst] = useState<number>();
  if (first === undefined && count !== undefined) setFirst(count);
  const arrived = count !== undefined && first !== undefined && count > first;
  // The desk signs in a moment after the confirmation: look again until it shows (at most ~20 s).
  useEffect(() => {
    if (outcome !== 'confirmed' || arrived) return;
    let tries = 0;
    const timer = setInterval(() => (++tries > 10 ? clearInterval(timer) : void logins.reload()), 2000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload is a new function every render; the timer belongs to the outcome
  }, [outcome, arrived]);
  async function end(id: string) {
    const { confirm } = await Taro.showModal({
      title: '退出这台电脑？',
      content: '该电脑上的收银台将立即退出登录。',
      confirmText: '退出登录',
    });
    if (!confirm) return;
    await bff.revokeDeskLogin(id);
    await logins.reload();
  }
  // One PageShell around it all, the page's root (care mode, text size); the list's states are a section of it.
  return (
    <PageShell>
      <View className="desk-confirm" data-testid="desk-decided">
        {outcome && (
          <Text className="section-title">{outcome === 'confirmed' ? '已确认，收银台正在登录' : '已取消登录'}</Text>
        )}
        <Text className="section-title">已登录的电脑</Text>
        <Text className="hint">
          在电脑浏览器打开物业通收银台，用微信扫码即可登录；忘了退出时，可在这里让那台电脑退出。
        </Text>
        <PageShell request={logins} emptyText="没有已登录的电脑" section>
          <CellGroup>
            {logins.data?.items.map((l) => (
              <Cell
                key={l.id}
                title={l.agent}
                description={`${l.ip} · ${shortTime(l.createdAt)} 登录`}
                extra={
                  <Text onClick={() => void end(l.id)} className="error">
                    退出
                  </Text>
                }
              />
            ))}
          </CellGroup>
        </PageShell>
      </View>
    </PageShell>
  );
}
