import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../../components/form.css';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup, Input, Tag } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { shortTime } from '../../../beijing';
import { Results, STATE_LABELS, Turnout } from '../../../features/elections/results';
import { PaperBallot } from '../../../features/elections/paper-ballot';
import {
  AdmitVoter,
  CommitteeNotices,
  DraftDeadline,
  RosterConfirm,
} from '../../../features/elections/committee-tools';
import { choosePhotos } from '../../../features/uploads/choose-photos';
import type { CommitteeElection } from '../../../api/types';
import type { ElectionStep } from '../../../features/elections/endpoints';
import { ELECTION_EVENT_LABELS as ACTIONS } from '../../../features/elections/labels';
import '../../../features/elections/elections.css';
import { inputLabel } from '../../../components/a11y';

/** The next step of each state, how it is called on the button, and what the confirmation says. */
const NEXT: Partial<Record<CommitteeElection['state'], { step: ElectionStep; label: string; warn: string }>> = {
  DRAFT: { step: 'publish', label: '公示候选人和业主名册', warn: '公示后候选人不能再修改；名册在投票开始前可更正。' },
  PUBLISHED: { step: 'open', label: '开始投票', warn: '开始后名册和规则冻结，并通知全体业主。' },
  OPEN: { step: 'close', label: '结束投票', warn: '结束后不再接受任何选票。' },
  CLOSED: { step: 'tally', label: '计票', warn: '按《民法典》第 278 条计票（面积和人数双过半）。' },
  TALLIED: { step: 'publish-results', label: '公布结果', warn: '结果将公告并向业主展示（不显示任何投票人姓名）。' },
  RESULTS_PUBLISHED: { step: 'archive', label: '归档', warn: '归档后业主列表中不再显示。' },
};

function CandidateForm({ id, onAdded }: { id: string; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [sex, setSex] = useState<'男' | '女'>('男');
  const [age, setAge] = useState('');
  const [affiliation, setAffiliation] = useState('群众');
  const [occupation, setOccupation] = useState('');
  const [statement, setStatement] = useState('');
  const [photo, setPhoto] = useState<string>();
  async function attach() {
    const [path] = await choosePhotos(1);
    if (path) setPhoto((await bff.uploadPhoto(path)).id);
  }
  const add = useAction(async () => {
    await bff.addCandidate(id, {
      name: name.trim(),
      sex,
      age: Number(age),
      affiliation: affiliation.trim(),
      occupation: occupation.trim(),
      statement: statement.trim(),
      ...(photo ? { photoUploadId: photo } : {}),
    });
    setPhoto(undefined);
    setName('');
    setAge('');
    setOccupation('');
    setStatement('');
    onAdded();
  });
  const row = (label: string, value: string, set: (v: string) => void, testId: string, placeholder = '') => (
    <View className="form__row">
      <Text>{label}</Text>
      <Input {...inputLabel(label)} value={value} onChange={set} placeholder={placeholder} data-testid={testId} />
    </View>
  );
  return (
    <View className="form" data-testid="candidate-form">
      <Text className="section-title">添加候选人（公示前）</Text>
      {row('姓名', name, setName, 'candidate-name')}
      <ChoiceGroup
        label="性别"
        options={[
          { value: '男' as const, label: '男' },
          { value: '女' as const, label: '女' },
        ]}
        value={sex}
        onChange={(v) => v && setSex(v)}
      />
      {row('年龄', age, setAge, 'candidate-age')}
      {row('政治面貌', affiliation, setAffiliation, 'candidate-affiliation')}
      {row('职业', occupation, setOccupation, 'candidate-occupation')}
      {row('个人陈述', statement, setStatement, 'candidate-statement', '选填')}
      <View className="actions">
        <Button onClick={() => void attach()}>{photo ? '✓ 已上传照片（重选）' : '上传照片（选填）'}</Button>
        <Button
          loading={add.running}
          disabled={!name.trim() || !age || !occupation.trim()}
          onClick={() => void add.run()}
        >
          添加
        </Button>
      </View>
    </View>
  );
}

/** 投票管理: candidates, the steps of the lifecycle (each confirmed), live turnout, the count and its audit trail. */
export default function ElectionDetail() {
  const id = useRouter().params.id ?? '';
  const election = useRequest(
    () => (id ? bff.committeeElection(id) : Promise.reject(new Error('缺少投票参数，请从投票列表进入'))),
    [id],
  );
  const e = election.data;
  const next = e ? NEXT[e.state] : undefined;

  const advance = useAction(async () => {
    if (!e || !next) return;
    const { confirm } = await Taro.showModal({ title: `${next.label}？`, content: next.warn, confirmText: '确定' });
    if (!confirm) return;
    await bff.electionStep(id, next.step);
    await election.reload();
  });
  const remind = useAction(async () => {
    const r = await bff.remindVoters(id);
    await Taro.showModal({
      title: '已提醒',
      content: `${r.owners} 位未投票业主，已发送 ${r.pushed} 条微信消息（未订阅的业主收不到）。`,
      showCancel: false,
    });
  });

  const names = Object.fromEntries([...(e?.candidates ?? []).map((c) => [c.id, c.name]), ['YES', '同意']]);
  return (
    <PageShell request={election}>
      {e && (
        <View data-testid="committee-election">
          <CellGroup title={e.title}>
            <Cell
              title="状态"
              extra={<Tag type={e.state === 'OPEN' ? 'primary' : 'default'}>{STATE_LABELS[e.state]}</Tag>}
            />
            <Cell
              title="类别"
              extra={
                e.kind === 'ELECTION'
                  ? `业委会选举，应选 ${e.seats} 人`
                  : e.class === 'SPECIAL'
                    ? '重大事项（3/4）'
                    : '一般事项（过半数）'
              }
            />
            {e.state === 'PUBLISHED' && e.earliestOpenAt && (
              // 物业管理条例 art. 14: at least 15 days' notice before the vote opens (docs/domain.md §5, Notice).
              <View data-testid="earliest-open">
                <Cell title={`公示期 ${e.noticeDays} 天，最早开始投票`} extra={shortTime(e.earliestOpenAt)} />
              </View>
            )}
            <Cell title="截止" extra={shortTime(e.closesAt)} />
            <Cell title="改票" extra={e.rules.allowChange ? '截止前可改一次' : '不可改票'} />
            {e.rosterUnits > 0 && <Cell title="业主名册" extra={`${e.rosterUnits} 户`} />}
          </CellGroup>
          {e.kind === 'ELECTION' && (
            <CellGroup title={`候选人（${e.candidates.length}）`} data-testid="candidates">
              {e.candidates.map((c) => (
                <Cell
                  key={c.id}
                  title={c.name}
                  description={`${c.sex} · ${c.age}岁 · ${c.affiliation} · ${c.occupation}${c.statement ? ` · ${c.statement}` : ''}`}
                />
              ))}
            </CellGroup>
          )}
          {e.state === 'DRAFT' && e.kind === 'ELECTION' && (
            <CandidateForm id={id} onAdded={() => void election.reload()} />
          )}
          {e.turnout && (e.state === 'OPEN' || e.state === 'CLOSED') && (
            <>
              <Text className="section-title">参与情况（实时）</Text>
              <Turnout t={e.turnout} testId="turnout" />
            </>
          )}
          {e.state === 'DRAFT' && <DraftDeadline election={e} onDone={() => void election.reload()} />}
          {e.state === 'PUBLISHED' && <RosterConfirm election={e} onDone={() => void election.reload()} />}
          {(e.state === 'PUBLISHED' || e.state === 'OPEN') && (
            <AdmitVoter election={e} onDone={() => void election.reload()} />
          )}
          {e.state === 'OPEN' && <PaperBallot election={e} onEntered={() => void election.reload()} />}
          <CommitteeNotices election={e} onDone={() => void election.reload()} />
          {e.result && (
            <Results
              result={e.result}
              names={names}
              order={e.kind === 'MATTER' ? ['YES'] : e.candidates.map((c) => c.id)}
              cls={e.class}
              seats={e.seats}
            />
          )}
          <View className="actions actions--wrap">
            {next && (
              <Button type="primary" size="large" loading={advance.running} onClick={() => void advance.run()}>
                {next.label}
              </Button>
            )}
            {e.state === 'OPEN' && (
              <Button size="large" loading={remind.running} onClick={() => void remind.run()}>
                提醒未投票业主
              </Button>
            )}
          </View>
          <CellGroup title="操作记录">
            {e.events.map((ev, i) => (
              <Cell key={i} title={ACTIONS[ev.action] ?? ev.action} description={ev.detail} extra={shortTime(ev.at)} />
            ))}
          </CellGroup>
        </View>
      )}
    </PageShell>
  );
}
