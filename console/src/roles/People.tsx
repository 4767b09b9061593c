import { useState } from 'react';
import { Button, Select, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { api, beijingTime } from '../api';
import { go } from '../route';
import type { ScreenProps } from '../shell/screens';
import { LocalTable } from '../lib/url-table';
import { useLoad } from '../lib/use-load';
import { confirm } from '../lib/confirm';
import { ReasonDialog } from '../lib/reason-dialog';
import { EmptyState, ErrorState } from '../states';
import { InviteDialog } from './InviteDialog';
import { usePlaces } from './places';
import {
  INVITATION_STATE,
  placeKey,
  placeQuery,
  type InvitationRow,
  type Invitations,
  type People,
  type Person,
} from './types';
import './roles.css';

/**
 * 人员与角色 (docs/roles.md, docs/console.md): the people holding a role at a place (a community, or
 * the whole company for its admins), inviting someone by phone, the invitations still pending
 * (confirm a company admin's as the second admin, or withdraw one), and removing a role — which takes
 * effect at once, after a confirmation with a reason.
 */
export default function PeopleScreen({ communityId, route }: ScreenProps) {
  const places = usePlaces(route.params.get('place'), communityId);
  const place = places.place;
  const key = place ? new URLSearchParams(placeQuery(place)).toString() : '';
  const people = useLoad(
    () => (place ? api.get<People>(`/api/company/people?${key}`) : Promise.resolve(undefined)),
    key,
  );
  const invitations = useLoad(
    () => (place ? api.get<Invitations>(`/api/company/invitations?${key}&limit=100`) : Promise.resolve(undefined)),
    key,
  );
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<Person>();
  const [error, setError] = useState('');
  if (places.error) return <ErrorState error={places.error} retry={places.reload} />;
  if (!places.loading && !place) return <EmptyState text="您没有可以管理人员的小区或公司" />;
  const reloadAll = () => Promise.all([people.reload(), invitations.reload()]);
  const act = async (run: () => Promise<unknown>) => {
    setError('');
    try {
      await run();
      await reloadAll();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const columns: PrimaryTableCol<Person>[] = [
    { colKey: 'name', title: '姓名', sorter: true },
    { colKey: 'phone', title: '手机号', width: 140 },
    { colKey: 'roleName', title: '角色', width: 130, sorter: true },
    { colKey: 'communityName', title: '小区', sorter: true, cell: ({ row }) => row.communityName ?? '全公司' },
    { colKey: 'since', title: '起始时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.since) },
    {
      colKey: 'op',
      title: '操作',
      width: 90,
      cell: ({ row }) =>
        row.removable ? (
          <Button size="small" theme="danger" variant="text" onClick={() => setRemoving(row)}>
            移除
          </Button>
        ) : null,
    },
  ];
  const inviteColumns: PrimaryTableCol<InvitationRow>[] = [
    { colKey: 'phone', title: '手机号', width: 140 },
    { colKey: 'roleName', title: '角色', width: 130 },
    { colKey: 'communityName', title: '小区', cell: ({ row }) => row.communityName ?? '全公司' },
    { colKey: 'createdByName', title: '邀请人', width: 110 },
    { colKey: 'expiresAt', title: '有效期至', width: 170, cell: ({ row }) => beijingTime(row.expiresAt) },
    {
      colKey: 'state',
      title: '状态',
      width: 170,
      cell: ({ row }) => (
        <Tag variant="light" theme={row.state === 'AWAITING_CONFIRMATION' ? 'warning' : 'default'}>
          {INVITATION_STATE[row.state] ?? row.state}
        </Tag>
      ),
    },
    {
      colKey: 'op',
      title: '操作',
      width: 140,
      cell: ({ row }) => (
        <>
          {row.mayConfirm && (
            <Button size="small" variant="text" onClick={() => void confirmAdmin(row)}>
              确认
            </Button>
          )}
          <Button size="small" variant="text" theme="danger" onClick={() => void revoke(row)}>
            撤回
          </Button>
        </>
      ),
    },
  ];
  async function confirmAdmin(row: InvitationRow) {
    if (await confirm('确认公司管理员邀请？', `${row.phone} 接受后将成为公司管理员，可管理全公司的人员与数据。`))
      await act(() => api.post(`/api/company/invitations/${row.id}/confirm`));
  }
  async function revoke(row: InvitationRow) {
    if (await confirm('撤回邀请？', `撤回后 ${row.phone} 将无法再接受这份邀请。`, '撤回'))
      await act(() => api.post(`/api/company/invitations/${row.id}/revoke`));
  }
  return (
    <div className="wyt-page wyt-roles">
      <h1>人员与角色</h1>
      <div className="wyt-roles__bar" role="group" aria-label="范围与操作">
        <Select
          aria-label="范围"
          value={place ? placeKey(place) : ''}
          onChange={(v) => go(route.path, { place: String(v) })}
          options={places.items.map((p) => ({
            label: p.communityId ? p.name : `${p.name}（全公司）`,
            value: placeKey(p),
          }))}
          style={{ width: 260 }}
        />
        <span className="wyt-roles__grow" />
        <Button onClick={() => setInviting(true)} disabled={!place}>
          邀请
        </Button>
      </div>
      {error && (
        <p role="alert" className="wyt-roles__error">
          {error}
        </p>
      )}
      {people.error ? (
        <ErrorState error={people.error} retry={people.reload} />
      ) : (
        <LocalTable<Person>
          route={route}
          label="人员列表"
          rowKey="id"
          rows={people.data?.items ?? []}
          columns={columns}
          loading={people.loading}
          empty="这里还没有人担任角色"
        />
      )}
      <h2>待处理的邀请</h2>
      <Table<InvitationRow>
        rowKey="id"
        data={invitations.data?.items ?? []}
        columns={inviteColumns}
        loading={invitations.loading}
        empty="没有待接受的邀请"
        size="small"
        stripe
      />
      {inviting && place && (
        <InviteDialog
          place={place}
          onClose={(made) => {
            setInviting(false);
            if (made) void reloadAll();
          }}
        />
      )}
      {removing && (
        <ReasonDialog
          header={`移除 ${removing.name} 的「${removing.roleName}」角色`}
          warning={`移除后立即生效：${removing.name} 在手机和收银台上都将无法再使用该角色的功能。`}
          reasonLabel="移除原因"
          minReason={2}
          confirmText="移除"
          onSubmit={(reason) => api.delete(`/api/company/roles/${removing.id}?${new URLSearchParams({ reason })}`)}
          onClose={(done) => {
            setRemoving(undefined);
            if (done) void reloadAll();
          }}
        />
      )}
    </div>
  );
}
