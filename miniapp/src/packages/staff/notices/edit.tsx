import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input, Switch, Tag, TextArea } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import type { NoticeCategory, StaffNoticeDetail, UploadView } from '../../../api/types';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  htmlToText,
  NOTICE_STATUS_LABELS,
  textToHtml,
} from '../../../features/notices/labels';
import { Chips } from '../../../components/chips';
import { NoticeBody } from '../../../features/notices/notice-body';
import { UnreadUnits } from '../../../features/notices/unread-units';
import { Attachments } from '../../../features/uploads/attachments';
import {
  NoticePushes,
  VALIDITY,
  validUntil,
  ValidityNote,
  type Validity,
} from '../../../features/notices/notice-extras';
import type { NoticeDraft } from '../../../features/notices/endpoints';
import '../../../features/notices/notice.css';

type Form = {
  title: string;
  text: string;
  category: NoticeCategory;
  pinned: boolean;
  contactName: string;
  contactPhone: string;
  validity: Validity | 'keep';
  wholeCompany: boolean;
  targets: string[];
};
const blank: Form = {
  title: '',
  text: '',
  category: 'GENERAL',
  pinned: false,
  contactName: '',
  contactPhone: '',
  validity: 'none',
  wholeCompany: false,
  targets: [],
};
const formOf = (n: StaffNoticeDetail): Form => ({
  title: n.title,
  text: htmlToText(n.body),
  category: n.category,
  pinned: n.pinned,
  contactName: n.contactName ?? '',
  contactPhone: n.contactPhone ?? '',
  validity: n.effectiveUntil ? 'keep' : 'none',
  wholeCompany: false,
  targets: n.communityIds,
});

/** Write, preview as a resident sees it, save, publish or withdraw a notice; its read rate once published. */
export default function EditNotice() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [id, setId] = useState(params.id);
  const existing = useRequest(() => (id ? bff.staffNotice(id) : Promise.resolve(null)), [id]);
  const [form, setForm] = useState<Form>(blank);
  const [preview, setPreview] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const me = useRequest(() => bff.me(), []);
  const isCompanyAdmin = (me.data?.staff ?? []).some(
    (s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'),
  );
  // The communities this person runs: a notice may go to several of them at once.
  const offices = (me.data?.staff ?? [])
    .filter((s) => s.roles.includes('MANAGER') || s.roles.includes('COMPANY_ADMIN'))
    .map((s) => s.community);
  const targets = form.targets.length ? form.targets : [communityId];
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const toggleTarget = (target: string) => {
    set('wholeCompany')(false);
    set('targets')(targets.includes(target) ? targets.filter((t) => t !== target) : [...targets, target]);
  };
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);
  const notice = existing.data;
  const status = notice?.status ?? 'DRAFT';

  const draft = (): NoticeDraft => {
    const until = form.validity === 'keep' ? (notice?.effectiveUntil ?? undefined) : validUntil(form.validity);
    return {
      title: form.title.trim(),
      body: textToHtml(form.text),
      category: form.category,
      communityIds: notice?.status === 'PUBLISHED' ? notice.communityIds : targets,
      ...(form.wholeCompany && status === 'DRAFT' ? { allCommunities: true, communityIds: [] } : {}),
      pinned: form.pinned,
      ...(form.contactName.trim() ? { contactName: form.contactName.trim() } : {}),
      ...(form.contactPhone.trim() ? { contactPhone: form.contactPhone.trim() } : {}),
      ...(until ? { effectiveUntil: until } : {}),
      uploadIds: photos.map((p) => p.id),
      removeUploadIds: removed,
    };
  };
  const save = async () => {
    const saved = notice ? await bff.updateNotice(notice.id, notice.version, draft()) : await bff.createNotice(draft());
    setId(saved.id);
    setPhotos([]); // claimed by the notice now: shown from it
    setRemoved([]);
    await existing.reload();
    return saved;
  };
  // Failures of the BFF are toasted by the API client; what is checked here is said here.
  const act = useAction(async (what: 'save' | 'publish' | 'withdraw') => {
    if (what !== 'withdraw' && (!form.title.trim() || !form.text.trim()))
      return void Taro.showToast({ title: '请填写标题和正文', icon: 'none' });
    if (what === 'publish') {
      const { confirm } = await Taro.showModal({
        title: '确认发布',
        content: '发布后小区住户即可看到这条公告，并收到已订阅的微信提醒。',
        confirmText: '发布',
      });
      if (!confirm) return;
      const saved = await save();
      await bff.publishNotice(saved.id);
    } else if (what === 'withdraw') {
      if (!reason?.trim()) return void Taro.showToast({ title: '请填写撤回原因', icon: 'none' });
      await bff.withdrawNotice(notice!.id, reason.trim());
      setReason(null);
    } else {
      await save();
    }
    await existing.reload();
    await Taro.showToast({ title: { save: '已保存', publish: '已发布', withdraw: '已撤回' }[what], icon: 'none' });
  });
  const run = (what: 'save' | 'publish' | 'withdraw') => void act.run(what);

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从公告管理进入')} />;
  const editable = status !== 'WITHDRAWN';
  return (
    <PageShell request={id ? existing : undefined}>
      {notice && (
        <CellGroup title={`状态：${NOTICE_STATUS_LABELS[status]}`}>
          {status === 'PUBLISHED' && (
            <Cell
              title="阅读情况"
              extra={
                <Text data-testid="editor-read-rate">
                  已读 {notice.reads.readCount}/{notice.reads.targetCount}（{Math.round(notice.reads.readRate * 100)}%）
                </Text>
              }
            />
          )}
          {status === 'WITHDRAWN' && <Cell title="撤回原因" description={notice.withdrawReason ?? ''} />}
        </CellGroup>
      )}
      <Chips
        options={[
          { value: 'edit', label: '编辑' },
          { value: 'preview', label: '预览（住户看到的样子）' },
        ]}
        value={preview ? 'preview' : 'edit'}
        onChange={(v) => setPreview(v === 'preview')}
        testId="editor-mode"
      />
      {preview ? (
        <NoticeBody
          notice={{
            title: form.title || '（未填写标题）',
            body: textToHtml(form.text),
            category: form.category,
            pinned: form.pinned,
            publishedAt: notice?.publishedAt,
            contactName: form.contactName || null,
            contactPhone: form.contactPhone || null,
            attachments: [...(notice?.attachments ?? []).filter((a) => !removed.includes(a.id)), ...photos],
          }}
        />
      ) : (
        <View data-testid="notice-form">
          <CellGroup title="标题">
            <Input
              placeholder="例如：11月30日停水通知"
              value={form.title}
              onChange={set('title')}
              maxLength={60}
              disabled={!editable}
              data-testid="notice-title"
            />
          </CellGroup>
          <CellGroup title="类别">
            <Chips
              options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
              value={form.category}
              onChange={(c) => c && set('category')(c)}
            />
          </CellGroup>
          <CellGroup title="正文（每行一段）">
            <TextArea
              placeholder="写给住户的内容：时间、范围、注意事项"
              value={form.text}
              onChange={set('text')}
              maxLength={5000}
              showCount
              autoSize
              disabled={!editable}
              data-testid="notice-text"
            />
          </CellGroup>
          <Attachments
            existing={(notice?.attachments ?? []).filter((a) => !removed.includes(a.id))}
            added={photos}
            onAdd={(u) => setPhotos((p) => [...p, ...u])}
            onRemove={(u) =>
              photos.some((p) => p.id === u.id)
                ? setPhotos((p) => p.filter((x) => x.id !== u.id))
                : setRemoved((r) => [...r, u.id])
            }
            disabled={!editable}
          />
          <CellGroup title="有效期">
            <Chips
              options={[
                ...(notice?.effectiveUntil ? [{ value: 'keep' as const, label: '保持原有效期' }] : []),
                ...VALIDITY.map((v) => ({ value: v.value, label: v.label })),
              ]}
              value={form.validity}
              onChange={(v) => v && set('validity')(v)}
            />
            <ValidityNote
              until={form.validity === 'keep' ? notice?.effectiveUntil : validUntil(form.validity as Validity)}
            />
          </CellGroup>
          {status === 'DRAFT' && (offices.length > 1 || isCompanyAdmin) && (
            <CellGroup title="发布范围（可多选）">
              <View className="chips" data-testid="notice-targets">
                {offices.map((c) => (
                  <Tag
                    key={c.id}
                    type={!form.wholeCompany && targets.includes(c.id) ? 'primary' : 'default'}
                    plain={form.wholeCompany || !targets.includes(c.id)}
                    onClick={() => toggleTarget(c.id)}
                  >
                    {c.name}
                  </Tag>
                ))}
                {isCompanyAdmin && (
                  <Tag
                    type={form.wholeCompany ? 'primary' : 'default'}
                    plain={!form.wholeCompany}
                    onClick={() => set('wholeCompany')(!form.wholeCompany)}
                  >
                    公司所有小区
                  </Tag>
                )}
              </View>
            </CellGroup>
          )}
          <CellGroup title="联系人与置顶">
            <Input
              placeholder="联系人（选填）"
              value={form.contactName}
              onChange={set('contactName')}
              disabled={!editable}
            />
            <Input
              placeholder="联系电话（选填）"
              value={form.contactPhone}
              onChange={set('contactPhone')}
              disabled={!editable}
            />
            <Cell title="置顶" extra={<Switch checked={form.pinned} onChange={set('pinned')} disabled={!editable} />} />
          </CellGroup>
        </View>
      )}
      {editable && (
        <View className="actions">
          <Button size="large" disabled={act.running} onClick={() => run('save')}>
            {status === 'PUBLISHED' ? '保存修改' : '保存草稿'}
          </Button>
          {status === 'DRAFT' && (
            <Button type="primary" size="large" disabled={act.running} onClick={() => run('publish')}>
              发布
            </Button>
          )}
        </View>
      )}
      {status === 'PUBLISHED' &&
        (reason === null ? (
          <View className="actions">
            <Button type="danger" fill="outline" onClick={() => setReason('')}>
              撤回公告
            </Button>
          </View>
        ) : (
          <CellGroup title="撤回原因（住户将看不到这条公告）">
            <Input placeholder="例如：时间有变，将重新发布" value={reason} onChange={setReason} />
            <View className="actions">
              <Button type="danger" disabled={act.running} onClick={() => run('withdraw')}>
                确认撤回
              </Button>
              <Button fill="outline" onClick={() => setReason(null)}>
                取消
              </Button>
            </View>
          </CellGroup>
        ))}
      {notice && status === 'PUBLISHED' && <NoticePushes communityId={communityId} noticeId={notice.id} />}
      {notice && status === 'PUBLISHED' && notice.category === 'OUTAGE' && <UnreadUnits noticeId={notice.id} />}
    </PageShell>
  );
}
