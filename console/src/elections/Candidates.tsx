import { useState } from 'react';
import { Button, Input, InputNumber, Radio, Table, Textarea, type PrimaryTableCol } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { api } from '../api';
import { EmptyState, ErrorState } from '../states';
import { useLoad } from '../lib/use-load';
import { uploadPhoto } from './upload';
import { ErrorLine } from './ErrorLine';

type Candidate = CommitteeElection['candidates'][number];
type Review = {
  id: string;
  candidate: string;
  what: string;
  text: string | null;
  reason: string | null;
  status: string;
  mine: boolean;
};

const REVIEW_STATUS: Record<string, string> = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过' };

/**
 * 候选人: the list, the form while a draft, and the held statements and photos — decided by a committee
 * member other than the one who entered them (bff/src/elections/reviews.ts; docs/wechat.md §7).
 */
export function Candidates({ election: e, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const reviews = useLoad(
    () => api.get<{ items: Review[] }>(`/api/committee/elections/${e.id}/reviews`),
    `${e.id}|${e.candidates.length}`,
  );
  const [error, setError] = useState<string>();
  const draft = e.state === 'DRAFT';
  const act = (p: Promise<unknown>) =>
    p.then(
      () => (onDone(), void reviews.reload()),
      (err: Error) => setError(err.message),
    );

  const columns: PrimaryTableCol<Candidate>[] = [
    { colKey: 'name', title: '姓名', width: 100 },
    { colKey: 'sex', title: '性别', width: 60 },
    { colKey: 'age', title: '年龄', width: 60 },
    { colKey: 'affiliation', title: '政治面貌', width: 100 },
    { colKey: 'occupation', title: '职业', width: 120 },
    { colKey: 'statement', title: '个人陈述', ellipsis: true },
    ...(draft
      ? [
          {
            colKey: 'remove',
            title: '操作',
            width: 80,
            cell: ({ row }: { row: Candidate }) => (
              <Button
                variant="outline"
                size="small"
                aria-label={`删除候选人 ${row.name}`}
                onClick={() => void act(api.delete(`/api/committee/elections/${e.id}/candidates/${row.id}`))}
              >
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];
  const reviewColumns: PrimaryTableCol<Review>[] = [
    { colKey: 'candidate', title: '候选人', width: 100 },
    { colKey: 'what', title: '内容', width: 90 },
    { colKey: 'text', title: '待审文字', ellipsis: true, cell: ({ row }) => row.text ?? '（照片）' },
    { colKey: 'status', title: '状态', width: 90, cell: ({ row }) => REVIEW_STATUS[row.status] ?? row.status },
    {
      colKey: 'decide',
      title: '审核',
      width: 220,
      cell: ({ row }) =>
        row.status !== 'PENDING' ? (
          '—'
        ) : row.mine ? (
          <span className="wyt-muted">由您录入，须其他委员审核</span>
        ) : (
          <>
            {[true, false].map((approve) => (
              <Button
                key={String(approve)}
                variant="outline"
                size="small"
                onClick={() =>
                  void act(api.post(`/api/committee/elections/${e.id}/reviews/${row.id}/decision`, { approve }))
                }
              >
                {approve ? '通过' : '不通过'}
              </Button>
            ))}
          </>
        ),
    },
  ];

  if (e.kind !== 'ELECTION') return <EmptyState text="表决事项没有候选人" />;
  return (
    <div data-testid="candidates">
      <Table<Candidate> rowKey="id" data={e.candidates} columns={columns} size="small" empty="还没有候选人" />
      {draft && <CandidateForm id={e.id} onAdded={onDone} />}
      <ErrorLine error={error} />
      <h2>候选人资料审核</h2>
      {reviews.error ? (
        <ErrorState error={reviews.error} retry={() => void reviews.reload()} />
      ) : (
        <Table<Review>
          rowKey="id"
          data={reviews.data?.items ?? []}
          columns={reviewColumns}
          loading={reviews.loading}
          size="small"
          empty="没有待审核的候选人资料"
        />
      )}
    </div>
  );
}

function CandidateForm({ id, onAdded }: { id: string; onAdded: () => void }) {
  const blank = { name: '', age: 40, affiliation: '群众', occupation: '', statement: '' };
  const [c, setC] = useState(blank);
  const [sex, setSex] = useState<'男' | '女'>('男');
  const [photo, setPhoto] = useState<File>();
  const [error, setError] = useState<string>();
  const field = (key: 'name' | 'affiliation' | 'occupation', label: string) => (
    <label>
      <span>{label}</span>
      <Input value={c[key]} onChange={(v) => setC({ ...c, [key]: String(v) })} />
    </label>
  );
  async function add() {
    setError(undefined);
    try {
      const photoUploadId = photo ? await uploadPhoto(photo) : undefined;
      await api.post(`/api/committee/elections/${id}/candidates`, {
        ...c,
        name: c.name.trim(),
        sex,
        ...(photoUploadId ? { photoUploadId } : {}),
      });
      setC(blank);
      setPhoto(undefined);
      onAdded();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <form
      className="wyt-form wyt-form--row"
      aria-label="添加候选人"
      onSubmit={(ev) => {
        ev.preventDefault();
        void add();
      }}
    >
      {field('name', '姓名')}
      <Radio.Group value={sex} onChange={(v) => setSex(v as typeof sex)} aria-label="性别">
        <Radio value="男">男</Radio>
        <Radio value="女">女</Radio>
      </Radio.Group>
      <label>
        <span>年龄</span>
        <InputNumber value={c.age} min={18} max={120} onChange={(v) => setC({ ...c, age: Number(v) })} />
      </label>
      {field('affiliation', '政治面貌')}
      {field('occupation', '职业')}
      <label className="wyt-form__wide">
        <span>个人陈述（选填）</span>
        <Textarea value={c.statement} onChange={(v) => setC({ ...c, statement: String(v) })} maxlength={500} />
      </label>
      <label>
        <span>照片（选填）</span>
        <input type="file" accept="image/*" onChange={(ev) => setPhoto(ev.target.files?.[0])} />
      </label>
      <Button type="submit">添加候选人</Button>
      <ErrorLine error={error} />
    </form>
  );
}
