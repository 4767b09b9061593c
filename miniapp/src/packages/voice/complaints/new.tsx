import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { BindFirst } from '../../../components/bind-first';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup, Input, Switch, TextArea } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import type { UploadView } from '../../../api/types';
import { Attachments } from '../../../features/uploads/attachments';
import { voice, type NewComplaint } from '../../../features/voice/endpoints';
import { CATEGORIES } from '../../../features/voice/labels';
import { inputLabel } from '../../../components/a11y';

const COMMON = 'common';

/**
 * File a complaint or a question: which, what about, the words (checked by WeChat at the BFF like every
 * resident's text), photos, my home or a common place, and whether staff may see who it is from.
 */
export default function NewComplaint() {
  const me = useRequest(() => bff.me(), []);
  const units = (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED');
  const [kind, setKind] = useState<NewComplaint['kind']>('COMPLAINT');
  const [category, setCategory] = useState<NewComplaint['category']>();
  const [where, setWhere] = useState<string>();
  const [place, setPlace] = useState('');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const at = where ?? units[0]?.unitId;

  const submit = useAction(async () => {
    const missing = !category
      ? '请选择类别'
      : text.trim().length < 5
        ? '请把情况写清楚，至少 5 个字'
        : at === COMMON && !place.trim()
          ? '请填写公共区域的地点'
          : null;
    if (missing || !category) return void Taro.showToast({ title: missing ?? '请选择类别', icon: 'none' });
    const whereTo = at === COMMON ? { communityId: units[0]!.community.id, place: place.trim() } : { unitId: at ?? '' };
    const filed = await voice.fileComplaint({
      ...whereTo,
      kind,
      category,
      text: text.trim(),
      anonymous,
      uploadIds: photos.map((p) => p.id),
    });
    await Taro.redirectTo({ url: `/packages/voice/complaints/detail?id=${filed.id}&filed=1` });
  });

  if (me.data && units.length === 0)
    return (
      <PageShell>
        <BindFirst reason="绑定房屋并通过审核后，即可投诉、咨询" />
      </PageShell>
    );
  return (
    <PageShell request={me}>
      <View data-testid="complaint-form">
        <CellGroup title="您要">
          <ChoiceGroup
            testId="complaint-kind"
            options={[
              { value: 'COMPLAINT', label: '投诉' },
              { value: 'CONSULTATION', label: '咨询' },
            ]}
            value={kind}
            onChange={(v) => v && setKind(v)}
          />
        </CellGroup>
        <CellGroup title="类别">
          <ChoiceGroup
            testId="complaint-category"
            options={CATEGORIES.map((c) => ({ value: c, label: c }))}
            value={category}
            onChange={setCategory}
          />
        </CellGroup>
        <CellGroup title="具体情况">
          <TextArea
            placeholder={kind === 'COMPLAINT' ? '发生了什么、在什么时间，越具体越好' : '您想咨询什么'}
            value={text}
            onChange={setText}
            maxLength={1000}
            showCount
            autoSize
            aria-label="具体情况"
            data-testid="complaint-text"
          />
        </CellGroup>
        <CellGroup title="地点">
          <ChoiceGroup
            testId="complaint-where"
            options={[
              ...units.map((u) => ({ value: u.unitId, label: `${u.building.name} ${u.number}室` })),
              { value: COMMON, label: '小区公共区域' },
            ]}
            value={at}
            onChange={setWhere}
          />
          {at === COMMON && (
            <Input
              placeholder="例如：东门、3号楼电梯、地下车库"
              value={place}
              onChange={setPlace}
              maxLength={50}
              {...inputLabel('公共区域的地点')}
              data-testid="complaint-place"
            />
          )}
        </CellGroup>
        <Attachments
          existing={[]}
          added={photos}
          onAdd={(u) => setPhotos((p) => [...p, ...u])}
          onRemove={(u) => setPhotos((p) => p.filter((x) => x.id !== u.id))}
          disabled={false}
          photosOnly
        />
        <CellGroup>
          <Cell
            title="对工作人员匿名"
            description="处理人看不到您的姓名、电话和房号；物业系统仍会记录，方便您查看进度"
            extra={
              <Switch
                checked={anonymous}
                onChange={setAnonymous}
                aria-label="对工作人员匿名"
                data-testid="complaint-anonymous"
              />
            }
          />
        </CellGroup>
        <Text className="hint">提交的文字会经过微信内容安全检查</Text>
        <View className="actions">
          <Button
            type="primary"
            size="large"
            disabled={submit.running}
            onClick={() => void submit.run()}
            data-testid="complaint-submit"
          >
            提交
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
