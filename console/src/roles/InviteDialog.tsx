import { useState } from 'react';
import { Dialog, Input, Select } from 'tdesign-react';
import { api } from '../api';
import { placeQuery, ROLE_LABELS, type InvitationMade, type Place } from './types';

/** A company's place invites a company admin; a community's, its manager, technicians and cashiers. */
const rolesAt = (p: Place) => (p.communityId ? ['MANAGER', 'TECHNICIAN', 'CASHIER'] : ['COMPANY_ADMIN']);

/**
 * 邀请 (docs/roles.md): a phone number and a role; the answer is the invitation's mini-program code
 * and link, shown once for the inviter to pass on. A company admin's waits for a second admin.
 */
export function InviteDialog({ place, onClose }: { place: Place; onClose: (made: boolean) => void }) {
  const roles = rolesAt(place);
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState(roles[0]!);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<InvitationMade>();
  async function submit() {
    if (made) return onClose(true);
    setError('');
    setBusy(true);
    try {
      setMade(await api.post<InvitationMade>('/api/company/invitations', { phone, role, ...placeQuery(place) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      visible
      header={`邀请到「${place.name}」`}
      confirmBtn={{ content: made ? '完成' : '发出邀请', loading: busy }}
      cancelBtn={made ? null : '取消'}
      onConfirm={() => void submit()}
      onClose={() => onClose(Boolean(made))}
    >
      {made ? (
        <div className="wyt-roles__made" data-testid="invitation-made">
          <p>请让对方用本人手机号登录的微信扫描下面的小程序码，或把链接发给对方。链接只显示这一次。</p>
          {made.code && (
            <img
              src={`data:${made.code.type};base64,${made.code.base64}`}
              alt="邀请小程序码"
              width={180}
              height={180}
            />
          )}
          <Input readonly value={made.link} aria-label="邀请链接" />
          {made.awaitingConfirmation && <p className="wyt-roles__note">公司管理员邀请需另一位管理员确认后才能接受。</p>}
        </div>
      ) : (
        <form
          aria-label="邀请"
          className="wyt-roles__form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="wyt-roles__field">
            <span>手机号</span>
            <Input value={phone} onChange={(v) => setPhone(String(v))} placeholder="13912345678" name="phone" />
          </label>
          <label className="wyt-roles__field">
            <span>角色</span>
            <Select
              value={role}
              onChange={(v) => setRole(String(v))}
              options={roles.map((r) => ({ label: ROLE_LABELS[r] ?? r, value: r }))}
              aria-label="角色"
            />
          </label>
          {error && (
            <p role="alert" className="wyt-roles__error">
              {error}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
