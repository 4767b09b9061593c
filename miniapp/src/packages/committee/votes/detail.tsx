import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../../components/list.css';
import '../../../components/form.css';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input, Tag } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { now, shortTime } from '../../../beijing';
import { MATTER_LABELS, Results, STATE_LABELS } from '../../../features/elections/results';
import { askForVotePush as askFor } from '../../../features/elections/ask-for-vote-push';
import { CandidatePhoto } from '../../../features/elections/candidate-photo';
import '../../../features/elections/elections.css';
import { inputLabel } from '../../../components/a11y';
import { ariaControl } from '../../../components/a11y';

/**
 * One vote as an owner sees it: the candidates with what was posted about them (or the matter), large
 * choices, one submission with a confirmation, a receipt code to check it was counted; the results
 * once the committee publishes them.
 */
export default function VoteDetail() {
  const id = useRouter().params.id ?? '';
  const election = useRequest(
    () => (id ? bff.election(id) : Promise.reject(new Error('缺少投票参数，请从投票列表进入'))),
    [id],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<string>();
  const [check, setCheck] = useState('');
  const [checked, setChecked] = useState<string>();
  const e = election.data;
  const slot = e?.slots[0];
  const open = e?.state === 'OPEN' && new Date(e.closesAt) > now();
  const canVote = open && !!slot && (!slot.voted || (e!.rules.allowChange && slot.byMe && !slot.changed));
  const names = Object.fromEntries([...(e?.candidates ?? []).map((c) => [c.id, c.name]), ['YES', '同意']]);

  function toggle(choice: string) {
    if (!e) return;
    if (e.kind === 'MATTER') return setChosen([choice]);
    setChosen((c) => (c.includes(choice) ? c.filter((x) => x !== choice) : c.length >= e.seats ? c : [...c, choice]));
  }

  const submit = useAction(async () => {
    if (!e) return;
    const picked =
      e.kind === 'MATTER' ? MATTER_LABELS[chosen[0]!] : chosen.map((c) => names[c]).join('、') || '不选任何人（弃权）';
    const { confirm } = await Taro.showModal({
      title: '确认提交选票？',
      content: `您的选择：${picked}。${e.rules.allowChange ? '截止前可改一次。' : '提交后不能修改。'}`,
      confirmText: '提交',
    });
    if (!confirm) return;
    const r = await bff.castBallot(id, chosen, slot?.ownerKey);
    setReceipt(r.receipt);
    setChosen([]);
    await election.reload();
  });

  return (
    <PageShell request={election}>
      {e && (
        <View data-testid="vote-detail">
          <CellGroup title={e.title}>
            <Cell
              title="状态"
              extra={<Tag type={e.state === 'OPEN' ? 'primary' : 'default'}>{STATE_LABELS[e.state]}</Tag>}
            />
            <Cell title="截止时间" extra={shortTime(e.closesAt)} />
            <Cell
              title="规则"
              description={
                e.kind === 'ELECTION'
                  ? `最多选 ${e.seats} 人；当选须获参与投票业主的过半数面积和过半数人数同意`
                  : e.class === 'SPECIAL'
                    ? '须获参与投票业主 3/4 以上面积和人数同意'
                    : '须获参与投票业主过半数面积和过半数人数同意'
              }
            />
            {e.description && <Cell title="说明" description={e.description} />}
          </CellGroup>

          {receipt && (
            <View className="vote-receipt" data-testid="vote-receipt">
              <Text>投票成功！您的回执码</Text>
              <Text className="vote-receipt__code">{receipt}</Text>
              <Text className="hint">
                请截图保存。凭回执码可核对选票已计入，回执码本身不显示您的选择。投票结束后，业委会（计票人）可在表决明细中看到各房屋的选择；其他业主和物业只能看到合计。
              </Text>
              {/* Just cast: the natural moment to ask for the results (their own template; docs/wechat.md §4). */}
              <Button size="small" onClick={() => void askFor((t) => [t.electionResults.id])}>
                公布结果时提醒我
              </Button>
            </View>
          )}

          {e.state === 'PUBLISHED' && (
            <View className="actions">
              <Button
                size="large"
                data-testid="vote-ask-opened"
                onClick={() => void askFor((t) => [t.electionOpened.id, t.electionResults.id])}
              >
                投票开始和公布结果时提醒我
              </Button>
            </View>
          )}

          {e.state !== 'RESULTS_PUBLISHED' && e.state !== 'ARCHIVED' && (
            <>
              {!slot && <Text className="hint">只有业主名册上的业主可以投票。请先绑定房屋并通过核验。</Text>}
              {slot?.voted && !receipt && (
                <Text className="hint" data-testid="vote-done">
                  ✓ 本户（{slot.units.join('、')}）已投票
                  {slot.byMe ? '' : slot.channel === 'ONLINE' ? '（由共有人投出）' : '（纸质或委托投票）'}
                </Text>
              )}
              {(e.kind === 'ELECTION'
                ? e.candidates.map((c) => ({
                    key: c.id,
                    title: c.name,
                    sub: `${c.sex} · ${c.age}岁 · ${c.affiliation} · ${c.occupation}`,
                    statement: c.statement,
                    photo: c.photoUploadId,
                  }))
                : (e.choices ?? []).map((c) => ({
                    key: c,
                    title: MATTER_LABELS[c]!,
                    sub: '',
                    statement: '',
                    photo: null,
                  }))
              ).map((c) => {
                const on = chosen.includes(c.key);
                return (
                  <View
                    key={c.key}
                    className={`vote-choice ${on ? 'vote-choice--on' : ''}`}
                    // A candidate is a checkbox (up to the seats), a matter's answer one radio of three.
                    {...(canVote
                      ? ariaControl({ role: e.kind === 'ELECTION' ? 'checkbox' : 'radio', checked: on })
                      : {})}
                    onClick={() => canVote && toggle(c.key)}
                    data-testid="vote-choice"
                  >
                    {canVote && <View className={`card__check ${on ? 'card__check--on' : ''}`}>{on ? '✓' : ''}</View>}
                    {c.photo && <CandidatePhoto uploadId={c.photo} name={c.title} />}
                    <View className="vote-choice__main">
                      <Text className="vote-choice__name">{c.title}</Text>
                      {c.sub && <Text className="vote-choice__sub">{c.sub}</Text>}
                      {c.statement && <Text className="vote-choice__sub">{c.statement}</Text>}
                    </View>
                  </View>
                );
              })}
              {canVote && (
                <View className="vote-bar">
                  <Button
                    type="primary"
                    size="large"
                    block
                    loading={submit.running}
                    disabled={e.kind === 'MATTER' && chosen.length === 0}
                    onClick={() => void submit.run()}
                  >
                    {e.kind === 'MATTER' ? '提交选票' : `提交选票（已选 ${chosen.length}/${e.seats}）`}
                  </Button>
                </View>
              )}
            </>
          )}

          {open && !slot?.voted && (
            <View className="actions">
              <Button size="large" onClick={() => void askFor((t) => [t.electionClosing.id, t.electionResults.id])}>
                截止前和出结果时提醒我
              </Button>
            </View>
          )}
          {e.result && (
            <Results
              result={e.result}
              names={names}
              order={e.kind === 'MATTER' ? ['YES'] : e.candidates.map((c) => c.id)}
              cls={e.class}
              seats={e.seats}
            />
          )}

          {slot?.voted && (
            <CellGroup title="核对回执">
              <View className="form__row" style={{ padding: '16px 24px' }}>
                <Input
                  value={check}
                  onChange={(v) => setCheck(v.toUpperCase())}
                  placeholder="XXXX-XXXX-XXXX"
                  {...inputLabel('回执码')}
                  data-testid="receipt-input"
                />
                <Button
                  size="small"
                  onClick={() =>
                    void bff
                      .checkReceipt(id, check.trim())
                      .then((r) => setChecked(r.counted ? '✓ 该选票已计入' : '未找到该回执码'))
                  }
                >
                  核对
                </Button>
              </View>
              {checked && <Text className="hint">{checked}</Text>}
            </CellGroup>
          )}
        </View>
      )}
    </PageShell>
  );
}
