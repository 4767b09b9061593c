import { useState } from 'react';
import { Button, Drawer, Input, InputNumber, Radio, Textarea } from 'tdesign-react';
import type { ElectionSummary } from '../../../bff/src/api-types';
import { api } from '../api';
import { ErrorLine } from './ErrorLine';

const DAY_MS = 86_400_000;

/**
 * A new draft: the title, an election (odd number of seats) or a matter (ordinary or special), the
 * notice period (at least 15 days, docs/domain.md §5) and the voting days after it; the deadline is
 * counted from now as the phone's form does. The BFF checks every rule again.
 */
export function NewElection(props: {
  communityId: string;
  visible: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<'ELECTION' | 'MATTER'>('ELECTION');
  const [cls, setCls] = useState<'ORDINARY' | 'SPECIAL'>('ORDINARY');
  const [seats, setSeats] = useState(3);
  const [noticeDays, setNoticeDays] = useState(15);
  const [votingDays, setVotingDays] = useState(14);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      const e = await api.post<ElectionSummary>(`/api/committee/communities/${props.communityId}/elections`, {
        title: title.trim(),
        description: description.trim(),
        kind,
        class: kind === 'MATTER' ? cls : 'ORDINARY',
        seats: kind === 'ELECTION' ? seats : 1,
        noticeDays,
        closesAt: new Date(Date.now() + (noticeDays + votingDays) * DAY_MS).toISOString(),
      });
      props.onCreated(e.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      header="发起投票（草稿）"
      visible={props.visible}
      onClose={props.onClose}
      size="480px"
      footer={
        <Button loading={busy} onClick={() => void create()}>
          创建草稿
        </Button>
      }
    >
      <div className="wyt-form">
        <label>
          <span>标题</span>
          <Input value={title} onChange={(v) => setTitle(String(v))} placeholder="如：第三届业主委员会选举" />
        </label>
        <Radio.Group value={kind} onChange={(v) => setKind(v as typeof kind)} aria-label="类别">
          <Radio value="ELECTION">选举业委会</Radio>
          <Radio value="MATTER">表决事项</Radio>
        </Radio.Group>
        {kind === 'ELECTION' ? (
          <label>
            <span>应选人数（单数）</span>
            <InputNumber value={seats} min={1} max={21} onChange={(v) => setSeats(Number(v))} />
          </label>
        ) : (
          <Radio.Group value={cls} onChange={(v) => setCls(v as typeof cls)} aria-label="表决类别">
            <Radio value="ORDINARY">一般事项（过半数）</Radio>
            <Radio value="SPECIAL">重大事项（四分之三）</Radio>
          </Radio.Group>
        )}
        <label>
          <span>公示天数（不少于 15 天）</span>
          <InputNumber value={noticeDays} min={15} max={90} onChange={(v) => setNoticeDays(Number(v))} />
        </label>
        <label>
          <span>公示期后投票天数（不少于 7 天）</span>
          <InputNumber value={votingDays} min={7} max={60} onChange={(v) => setVotingDays(Number(v))} />
        </label>
        <label>
          <span>说明（选填）</span>
          <Textarea value={description} onChange={(v) => setDescription(String(v))} maxlength={2000} />
        </label>
        <ErrorLine error={error} />
      </div>
    </Drawer>
  );
}
