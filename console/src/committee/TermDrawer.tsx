import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react';
import type { Committee } from '../../../bff/src/api-types';
import { api } from '../api';
import { SideDrawer } from '../lib/side-drawer';
import { uploadPhoto } from '../elections/upload';

export type Mode = 'election' | 'manual';
type Office = 'DIRECTOR' | 'DEPUTY' | 'MEMBER';
type Row = {
  key: string;
  userId?: string;
  name?: string;
  label?: string;
  phone: string;
  office: Office;
  included: boolean;
};

const OFFICES: [Office, string][] = [
  ['DIRECTOR', '主任'],
  ['DEPUTY', '副主任'],
  ['MEMBER', '委员'],
];

const rowsFor = (mode: Mode | undefined, proposal: Committee['proposal']): Row[] =>
  mode === 'election'
    ? (proposal?.matched ?? []).map((m) => ({
        key: m.candidateId,
        userId: m.userId,
        name: m.name,
        label: `${m.name}（${m.phone}）`,
        phone: '',
        office: 'MEMBER',
        included: true,
      }))
    : [{ key: '1', phone: '', office: 'DIRECTOR', included: true }];

/**
 * The drawer that enters a term (docs/roles.md §The committee): the term's first and last day, the
 * filing date (备案日期) and a photo of the filing receipt, and each member's office — the elected of the
 * proposal (untick one who declined) or, by hand, owners of record by phone. The BFF checks it all.
 */
export function TermDrawer(props: {
  mode: Mode | undefined;
  communityId: string;
  proposal: Committee['proposal'];
  /** The running term on screen: a term entered meanwhile by someone else is refused, not replaced. */
  runningTermId: string | null;
  onClose: (done: boolean) => void;
}) {
  const { mode, proposal } = props;
  const [rows, setRows] = useState<Row[]>([]);
  const [days, setDays] = useState({ startsOn: '', endsOn: '', filedOn: '' });
  const [photo, setPhoto] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setRows(rowsFor(mode, proposal));
    setDays({ startsOn: '', endsOn: '', filedOn: '' });
    setError('');
    setPhoto(undefined);
  }, [mode, proposal]);
  const edit = (key: string, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function submit() {
    setError('');
    if (!photo) return setError('请上传备案回执照片');
    setBusy(true);
    try {
      const receiptUploadId = await uploadPhoto(photo);
      await api.post('/api/company/committee/terms', {
        communityId: props.communityId,
        replacesTermId: props.runningTermId,
        ...(mode === 'election' && proposal ? { electionId: proposal.election.id } : {}),
        ...days,
        receiptUploadId,
        members: rows
          .filter((r) => r.included)
          .map((r) => (r.userId ? { userId: r.userId, office: r.office } : { phone: r.phone, office: r.office })),
      });
      props.onClose(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const day = (key: keyof typeof days, label: string) => (
    <label className="wyt-committee__field">
      {label}
      <input
        type="date"
        value={days[key]}
        autoFocus={key === 'startsOn'}
        onChange={(e) => setDays({ ...days, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <SideDrawer
      open={!!mode}
      header={mode === 'election' ? `按选举结果录入：${proposal?.election.title ?? ''}` : '手工录入业委会'}
      label="录入业委会"
      onClose={() => props.onClose(false)}
    >
      <form
        className="wyt-committee__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {day('startsOn', '任期开始')}
        {day('endsOn', '任期结束')}
        {day('filedOn', '备案日期')}
        <label className="wyt-committee__field">
          备案回执
          <input type="file" accept="image/*" onChange={(e) => setPhoto(e.target.files?.[0])} />
        </label>
        <fieldset>
          <legend>成员与职务</legend>
          {rows.map((r, i) => (
            <div key={r.key} className="wyt-committee__member">
              {r.userId ? (
                <label>
                  <input
                    type="checkbox"
                    checked={r.included}
                    onChange={(e) => edit(r.key, { included: e.target.checked })}
                  />{' '}
                  {r.label}
                </label>
              ) : (
                <input
                  aria-label={`第 ${i + 1} 位成员手机号`}
                  placeholder="业主手机号"
                  value={r.phone}
                  onChange={(e) => edit(r.key, { phone: e.target.value })}
                />
              )}
              <select
                aria-label={r.name ? `${r.name}的职务` : `第 ${i + 1} 位成员职务`}
                value={r.office}
                onChange={(e) => edit(r.key, { office: e.target.value as Office })}
              >
                {OFFICES.map(([v, name]) => (
                  <option key={v} value={v}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {mode === 'manual' && rows.length < 11 && (
            <Button
              variant="text"
              onClick={() =>
                setRows([...rows, { key: String(rows.length + 1), phone: '', office: 'MEMBER', included: true }])
              }
            >
              添加成员
            </Button>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="wyt-committee__error">
            {error}
          </p>
        )}
        <Button type="submit" loading={busy}>
          确认录入
        </Button>
      </form>
    </SideDrawer>
  );
}
