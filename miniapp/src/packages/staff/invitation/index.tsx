import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup } from '../../../ui';
import { bff, hasSession, loginWithWechat } from '../../../session';
import { ApiError } from '../../../api/client';
import { beijingMinute, now } from '../../../beijing';
import type { InvitationPreview } from '../../../api/types';
import './invitation.css';

/** What the page can end in besides the invitation itself, each said in plain Chinese. */
type Ending = 'accepted' | 'used' | 'expired' | 'revoked' | 'notYours';

const ENDINGS: Record<Ending, { title: string; text: string }> = {
  accepted: { title: '已接受邀请', text: '你的岗位已开通。回到首页即可看到工作入口；在电脑上用微信扫码登录办公台。' },
  used: { title: '这个邀请已经用过了', text: '你之前已经接受过这个邀请，岗位已开通，无需再次接受。' },
  expired: { title: '邀请已过期', text: '邀请的有效期是 7 天。请联系邀请你的人重新发送一个邀请。' },
  revoked: {
    title: '邀请已被撤回',
    text: '邀请人已经撤回了这个邀请，它不能再接受。如果仍需要开通岗位，请联系邀请人重新邀请。',
  },
  notYours: {
    title: '没有找到给你的邀请',
    text: '邀请只对邀请人填写的手机号有效。请确认你在物业通验证的手机号就是收到邀请的号码；号码不对或链接不完整时，请联系邀请人。',
  },
};

/**
 * A refusal the BFF gives, as the page's ending: 404 (not this phone's, or no such invitation), 410
 * expired, INVITATION_CLOSED withdrawn meanwhile (bff/src/invitations/invitations.ts).
 */
const endingOf = (err: unknown): Ending | null =>
  err instanceof ApiError
    ? err.code === 'INVITATION_EXPIRED'
      ? 'expired'
      : err.code === 'INVITATION_CLOSED'
        ? 'revoked'
        : err.status === 404 || err.status === 400
          ? 'notYours'
          : null
    : null;

/**
 * 工作邀请 (docs/import.md §Starting a company): opened from the invitation's mini-program code or link
 * (the token as `scene`), it says who invites the person to what, and accepts it on their own phone.
 */
export default function InvitationPage() {
  const { params } = useRouter();
  const token = decodeURIComponent(params.scene ?? '');
  const [preview, setPreview] = useState<InvitationPreview>();
  const [ending, setEnding] = useState<Ending>();
  const [error, setError] = useState<Error>();
  const [accepting, setAccepting] = useState(false);

  async function open() {
    setError(undefined);
    try {
      if (!hasSession() && process.env.TARO_ENV === 'weapp') await loginWithWechat();
      const p = await bff.previewInvitation(token);
      setPreview(p);
      if (p.accepted) setEnding('used');
      else if (p.revoked) setEnding('revoked');
      else if (new Date(p.expiresAt) <= now()) setEnding('expired');
    } catch (err) {
      const e = endingOf(err);
      if (e) setEnding(e);
      else setError(err as Error);
    }
  }
  // Shown again (back from the chat with the other admin): an invitation still awaiting confirmation is asked again.
  useDidShow(() => {
    if (!ending && (!preview || preview.awaitingConfirmation)) void open();
  });

  async function accept() {
    setAccepting(true);
    try {
      await bff.acceptInvitation(token);
      setEnding('accepted');
    } catch (err) {
      const e = endingOf(err);
      if (e) setEnding(e);
      // Its confirmation was withdrawn meanwhile, or the page was stale: show what holds now.
      else if (err instanceof ApiError && err.code === 'INVITATION_UNCONFIRMED') await open();
      else setError(err as Error);
    } finally {
      setAccepting(false);
    }
  }

  if (!token) return <Ended ending="notYours" />;
  if (ending) return <Ended ending={ending} preview={preview} />;
  return (
    <PageShell loading={!preview && !error} error={error} onRetry={() => void open()}>
      {preview && (
        <View className="invitation" data-testid="invitation">
          <Text className="section-title">{preview.company} 邀请你加入</Text>
          <CellGroup>
            <Cell title="物业公司" extra={preview.company} />
            <Cell title="范围" extra={preview.community ?? '全公司所有小区'} />
            <Cell title="岗位" extra={preview.roleName} />
            <Cell title="有效期至" extra={beijingMinute(new Date(preview.expiresAt))} />
          </CellGroup>
          {preview.awaitingConfirmation ? (
            <View className="invitation__waiting" data-testid="invitation-awaitingConfirmation" role="status">
              <Text className="invitation__waiting-title">等待另一位管理员确认</Text>
              <Text className="hint">
                公司管理员的邀请，需要公司的另一位管理员在办公台确认后才能接受。请联系对方确认，确认后点「重新查看」再接受。
              </Text>
              <Button size="large" block onClick={() => void open()}>
                重新查看
              </Button>
            </View>
          ) : (
            <>
              <Text className="hint">
                接受后，你用这个微信登录物业通即可使用{preview.roleName}的功能。不认识邀请人请不要接受。
              </Text>
              <Button type="primary" size="large" block loading={accepting} onClick={() => void accept()}>
                接受邀请
              </Button>
            </>
          )}
        </View>
      )}
    </PageShell>
  );
}

function Ended({ ending, preview }: { ending: Ending; preview?: InvitationPreview }) {
  const { title, text } = ENDINGS[ending];
  // In PageShell like every page, so care mode and the text size apply here too (the weapp care pass found it).
  return (
    <PageShell>
      <View className="invitation" data-testid={`invitation-${ending}`}>
        <Text className="section-title">{title}</Text>
        {preview && ending === 'accepted' && (
          <Text className="invitation__role">
            {preview.company} · {preview.community ?? '全公司'} · {preview.roleName}
          </Text>
        )}
        <Text className="hint">{text}</Text>
        <Button size="large" block onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          回到首页
        </Button>
      </View>
    </PageShell>
  );
}
