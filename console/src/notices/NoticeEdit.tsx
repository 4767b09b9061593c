import { useEffect, useState } from 'react';
import { Button, Checkbox, Input, MessagePlugin, Select, Textarea } from 'tdesign-react';
import type { NoticeCategory, StaffNoticeDetail } from '../../../bff/src/api-types';
import { api } from '../api';
import { go } from '../route';
import type { ScreenProps } from '../shell/screens';
import { ErrorState, LoadingState } from '../states';
import { confirm } from '../lib/confirm';
import { CATEGORY_LABELS, htmlToText, textToHtml } from '../repairs/labels';
import '../lib/screen.css';
import './notices.css';

/** What staff may publish: 业委会公示 is the committee's own (bff/src/notices/schema.ts ZStaffCategory). */
const CATEGORIES = (Object.keys(CATEGORY_LABELS) as NoticeCategory[])
  .filter((c) => c !== 'COMMITTEE')
  .map((value) => ({ value, label: CATEGORY_LABELS[value] }));
type Form = {
  title: string;
  text: string;
  category: NoticeCategory;
  pinned: boolean;
  contactName: string;
  contactPhone: string;
};
const BLANK: Form = { title: '', text: '', category: 'GENERAL', pinned: false, contactName: '', contactPhone: '' };

/**
 * 公告编辑 (#26): the fields on the left, the notice as residents will read it on the right, updated as
 * one types; 保存草稿 (POST /api/staff/notices or PUT …/:id with its version), 发布 saves, asks, then
 * publishes (POST …/:id/publish) to this community.
 */
export default function NoticeEdit({ communityId, route }: ScreenProps) {
  const id = route.params.get('id') ?? undefined;
  const [notice, setNotice] = useState<StaffNoticeDetail>();
  const [form, setForm] = useState<Form>(BLANK);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!id) return;
    api.get<StaffNoticeDetail>(`/api/staff/notices/${id}`).then((n) => {
      setNotice(n);
      setForm({
        title: n.title,
        text: htmlToText(n.body),
        category: n.category,
        pinned: n.pinned,
        contactName: n.contactName ?? '',
        contactPhone: n.contactPhone ?? '',
      });
    }, setError);
  }, [id]);
  const field =
    <K extends keyof Form>(k: K) =>
    (v: unknown) =>
      setForm((f) => ({ ...f, [k]: v as Form[K] }));

  const save = async () => {
    const body = {
      title: form.title.trim(),
      body: textToHtml(form.text),
      category: form.category,
      communityIds: notice?.communityIds ?? [communityId],
      pinned: form.pinned,
      ...(form.contactName.trim() ? { contactName: form.contactName.trim() } : {}),
      ...(form.contactPhone.trim() ? { contactPhone: form.contactPhone.trim() } : {}),
    };
    const saved = notice
      ? await api.put<StaffNoticeDetail>(`/api/staff/notices/${notice.id}`, { ...body, version: notice.version })
      : await api.post<StaffNoticeDetail>('/api/staff/notices', body);
    setNotice(saved);
    return saved;
  };
  const run = (fn: () => Promise<void>) => {
    setBusy(true);
    fn()
      .catch((e: Error) => void MessagePlugin.error(e.message))
      .finally(() => setBusy(false));
  };
  const publish = () =>
    run(async () => {
      const saved = await save();
      const yes = await confirm('发布公告', `“${saved.title}”将推送给本小区的住户，发布后只能撤回，不能删除。`, '发布');
      if (!yes) return;
      await api.post(`/api/staff/notices/${saved.id}/publish`);
      void MessagePlugin.success('已发布');
      go('/notices');
    });

  if (error) return <ErrorState error={error} />;
  if (id && !notice) return <LoadingState />;
  const paragraphs = form.text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <div className="wyt-page wyt-mgr">
      <h1>{notice ? '编辑公告' : '新建公告'}</h1>
      <div className="wyt-notice-edit">
        <form className="wyt-notice-edit__form" aria-label="公告内容" onSubmit={(e) => e.preventDefault()}>
          <label>
            标题
            <Input value={form.title} onChange={field('title')} maxlength={60} placeholder="最多 60 字" />
          </label>
          <label>
            类别
            <Select value={form.category} onChange={field('category')} options={CATEGORIES} />
          </label>
          <label>
            正文（每行一段）
            <Textarea value={form.text} onChange={field('text')} autosize={{ minRows: 8, maxRows: 16 }} />
          </label>
          <label>
            联系人
            <Input value={form.contactName} onChange={field('contactName')} />
          </label>
          <label>
            联系电话
            <Input value={form.contactPhone} onChange={field('contactPhone')} />
          </label>
          <div>
            <Checkbox checked={form.pinned} onChange={field('pinned')}>
              置顶
            </Checkbox>
          </div>
          <div className="wyt-mgr__bar">
            <Button
              variant="outline"
              loading={busy}
              onClick={() => run(async () => void (await save(), MessagePlugin.success('草稿已保存')))}
            >
              保存草稿
            </Button>
            <Button theme="primary" loading={busy} onClick={publish}>
              发布
            </Button>
            <Button variant="text" onClick={() => go('/notices')}>
              返回列表
            </Button>
          </div>
        </form>
        <article className="wyt-notice-preview" aria-label="预览" data-testid="notice-preview">
          <p className="wyt-mgr__note">预览（住户看到的样子）</p>
          <h2>{form.title || '（标题）'}</h2>
          <p className="wyt-mgr__note">
            {CATEGORY_LABELS[form.category]} · 物业{form.pinned ? ' · 置顶' : ''}
          </p>
          {paragraphs.length ? paragraphs.map((p, i) => <p key={i}>{p}</p>) : <p className="wyt-mgr__note">（正文）</p>}
          {(form.contactName || form.contactPhone) && (
            <p>
              联系人：{form.contactName} {form.contactPhone}
            </p>
          )}
        </article>
      </div>
    </div>
  );
}
