import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Cell, CellGroup, Input, Switch, TextArea } from '../../ui';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import type { UploadView } from '../../api/types';
import { ChoiceGroup } from '../../components/choice-group';
import { Attachments } from '../../features/uploads/attachments';
import { KINDS, KIND_LABELS } from '../../features/snapshots/labels';
import type { NewSnapshot } from '../../features/snapshots/endpoints';
import { inputLabel } from '../../components/a11y';

const PLACEHOLDER: Record<NewSnapshot['kind'], string> = {
  PRAISE: '例如：保洁阿姨每天把楼道擦得很干净',
  SUGGESTION: '例如：小区门口能不能加一个快递柜',
  PROBLEM: '例如：3号楼门口路灯坏了，晚上很黑',
};

/** Post a snapshot: praise, a suggestion or a problem, with photos; praise may go on the wall. */
export default function NewSnapshotPage() {
  const me = useRequest(() => bff.me(), []);
  const communities = [
    ...new Map(
      (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED').map((u) => [u.community.id, u.community]),
    ).values(),
  ];
  const [picked, setPicked] = useState<string>();
  const [kind, setKind] = useState<NewSnapshot['kind']>('PROBLEM');
  const [text, setText] = useState('');
  const [place, setPlace] = useState('');
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const [onWall, setOnWall] = useState(true);
  const communityId = picked ?? communities[0]?.id;

  const submit = useAction(async () => {
    if (text.trim().length < 2) return void Taro.showToast({ title: '请写几句话说明情况', icon: 'none' });
    const s = await bff.postSnapshot({
      communityId: communityId!,
      kind,
      text: text.trim(),
      place: place.trim() || undefined,
      uploadIds: photos.map((p) => p.id),
      wallConsent: kind === 'PRAISE' && onWall,
    });
    await Taro.redirectTo({ url: `/packages/snapshots/detail?id=${s.id}` });
  });

  if (me.data && communities.length === 0) return <PageShell empty emptyText="绑定房屋并通过审核后，即可使用随手拍" />;
  return (
    <PageShell request={me}>
      <View data-testid="snapshot-form">
        {communities.length > 1 && (
          <CellGroup title="小区">
            <ChoiceGroup
              options={communities.map((c) => ({ value: c.id, label: c.name }))}
              value={communityId}
              onChange={setPicked}
            />
          </CellGroup>
        )}
        <CellGroup title="想说什么">
          <ChoiceGroup
            options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={kind}
            onChange={(k) => k && setKind(k)}
            testId="snapshot-kind"
          />
          <TextArea
            placeholder={PLACEHOLDER[kind]}
            value={text}
            onChange={setText}
            maxLength={500}
            autoSize
            data-testid="snapshot-text"
          />
          <Input
            {...inputLabel('位置')}
            placeholder="位置（选填），例如：3号楼门口"
            value={place}
            onChange={setPlace}
            maxLength={50}
          />
        </CellGroup>
        <Attachments
          existing={[]}
          added={photos}
          onAdd={(u) => setPhotos((p) => [...p, ...u])}
          onRemove={(u) => setPhotos((p) => p.filter((x) => x.id !== u.id))}
          disabled={false}
          photosOnly
        />
        {kind === 'PRAISE' && (
          <CellGroup>
            <Cell
              title="展示在小区表扬墙"
              description="照片经审核后才会展示，署名隐去姓名"
              extra={<Switch checked={onWall} onChange={setOnWall} aria-label="展示在小区表扬墙" />}
            />
          </CellGroup>
        )}
        <Text className="hint">物业打开即受理，回复即处理；10 天无人处理将自动办结并计入小区服务统计</Text>
        <View className="actions">
          <Button type="primary" size="large" disabled={submit.running} onClick={() => void submit.run()}>
            提交
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
