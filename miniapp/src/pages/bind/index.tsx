import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Cell, CellGroup, Tag } from '../../ui';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import type { Building, Community, Relation, UnitSummary } from '../../api/types';
import { RELATION_LABELS, STATUS_LABELS } from '../../roles';
import { RequestList } from '../../features/units/request-list';

type Picked = { community?: Community; building?: Building; unit?: UnitSummary };

/** Choose community → building → unit → relation, then see the request pending or approved. */
export default function Bind() {
  const [picked, setPicked] = useState<Picked>({});
  const mine = useRequest(() => bff.myBindRequests().then((r) => r.items), []);
  const communities = useRequest(
    () => bff.communities().then((r) => r.items),
    [],
    (l) => l.length === 0,
  );
  const buildings = useRequest(
    () => (picked.community ? bff.buildings(picked.community.id).then((r) => r.items) : Promise.resolve([])),
    [picked.community?.id],
  );
  const units = useRequest(
    () => (picked.building ? bff.units(picked.building.id).then((r) => r.items) : Promise.resolve([])),
    [picked.building?.id],
  );
  const submit = useAction(async (relation: Relation) => {
    const created = await bff.createBindRequest(picked.unit!.id, relation);
    setPicked({});
    await mine.reload();
    await Taro.showToast({ title: created.status === 'VERIFIED' ? '绑定成功' : '已提交，等待物业审核', icon: 'none' });
  });

  usePullRefresh(mine.reload, communities.reload);

  const step = !picked.community ? 'community' : !picked.building ? 'building' : !picked.unit ? 'unit' : 'relation';
  const list = step === 'building' ? buildings : step === 'unit' ? units : communities;

  return (
    <PageShell request={communities} emptyText="暂无可绑定的小区">
      <RequestList items={mine.data ?? []} />
      <Text className="section-title">绑定新房屋</Text>
      {picked.community && (
        <View data-testid="picked">
          <Tag type="primary" plain>
            {[picked.community.name, picked.building?.name, picked.unit?.number].filter(Boolean).join(' / ')}
          </Tag>
          <Text className="hint" onClick={() => setPicked({})}>
            重新选择
          </Text>
        </View>
      )}
      {step === 'relation' ? (
        <CellGroup title="您与该房屋的关系">
          {(Object.keys(RELATION_LABELS) as Relation[]).map((r) => (
            <Cell
              key={r}
              title={RELATION_LABELS[r]}
              clickable
              onClick={() => void submit.run(r)}
              data-testid={`relation-${r}`}
            />
          ))}
        </CellGroup>
      ) : (
        <CellGroup
          title={{ community: '选择小区', building: '选择楼栋', unit: '选择房号' }[step]}
          data-testid={`pick-${step}`}
        >
          {list.loading && <Cell title="加载中…" />}
          {!list.loading && (list.data ?? []).length === 0 && <Cell title="暂无数据" />}
          {!list.loading &&
            (list.data ?? []).map((item) => {
              const label = 'number' in item ? `${item.number}室` : item.name;
              const onClick = () => {
                if (step === 'community') setPicked({ community: item as Community });
                else if (step === 'building') setPicked({ ...picked, building: item as Building });
                else setPicked({ ...picked, unit: item as UnitSummary });
              };
              return (
                <Cell
                  key={item.id}
                  title={label}
                  description={step === 'community' ? (item as Community).address : undefined}
                  clickable
                  onClick={onClick}
                />
              );
            })}
        </CellGroup>
      )}
      {(mine.data ?? []).some((m) => m.status === 'VERIFIED') && (
        <View className="actions">
          <Button type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })} data-testid="go-home">
            进入首页
          </Button>
        </View>
      )}
      <Text className="hint">
        手机号与物业登记的业主信息一致时自动通过，否则由小区经理审核。{STATUS_LABELS.PENDING}的申请可在此查看进度。
      </Text>
    </PageShell>
  );
}
