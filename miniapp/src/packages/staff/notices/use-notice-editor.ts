import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import type { UploadView } from '../../../api/types';
import { validUntil } from '../../../features/notices/notice-extras';
import { blankForm, draftOf, formOf, type NoticeForm } from './notice-form';

type Step = 'save' | 'publish' | 'withdraw';
const DONE: Record<Step, string> = { save: '已保存', publish: '已发布', withdraw: '已撤回' };

/**
 * The notice editor's state and actions: load the notice (none yet for a new one), the fields, the
 * attachments added and removed since the last save, where it goes, and save / publish / withdraw,
 * one at a time. The page draws it.
 */
export function useNoticeEditor(communityId: string, initialId: string | undefined) {
  const [id, setId] = useState(initialId);
  const existing = useRequest(() => (id ? bff.staffNotice(id) : Promise.resolve(null)), [id]);
  const me = useRequest(() => bff.me(), []);
  const [form, setForm] = useState<NoticeForm>(blankForm);
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  /** The withdrawal's reason while it is being written; null while the form is closed. */
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);

  const notice = existing.data;
  const status = notice?.status ?? 'DRAFT';
  const staff = me.data?.staff ?? [];
  const isCompanyAdmin = staff.some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  // The communities this person runs: a notice may go to several of them at once.
  const offices = staff
    .filter((s) => s.roles.includes('MANAGER') || s.roles.includes('COMPANY_ADMIN'))
    .map((s) => s.community);
  const targets = form.targets.length ? form.targets : [communityId];
  const until = form.validity === 'keep' ? (notice?.effectiveUntil ?? undefined) : validUntil(form.validity);

  const set =
    <K extends keyof NoticeForm>(key: K) =>
    (value: NoticeForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const toggleTarget = (target: string) =>
    setForm((f) => ({
      ...f,
      wholeCompany: false,
      targets: targets.includes(target) ? targets.filter((t) => t !== target) : [...targets, target],
    }));
  const attachments = [...(notice?.attachments ?? []).filter((a) => !removed.includes(a.id)), ...photos];
  const addPhotos = (added: UploadView[]) => setPhotos((p) => [...p, ...added]);
  const removeAttachment = (u: UploadView) =>
    photos.some((p) => p.id === u.id)
      ? setPhotos((p) => p.filter((x) => x.id !== u.id))
      : setRemoved((r) => [...r, u.id]);

  const save = async () => {
    const draft = draftOf(form, { notice, targets, until, photos, removed });
    const saved = notice ? await bff.updateNotice(notice.id, notice.version, draft) : await bff.createNotice(draft);
    setId(saved.id);
    setPhotos([]); // claimed by the notice now: shown from it
    setRemoved([]);
    await existing.reload();
    return saved;
  };
  // Failures of the BFF are toasted by the API client; what is checked here is said here.
  const step = useAction(async (what: Step) => {
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
    await Taro.showToast({ title: DONE[what], icon: 'none' });
  });

  return {
    id,
    existing,
    notice,
    status,
    editable: status !== 'WITHDRAWN',
    form,
    set,
    /** When the notice stops showing, by the validity chosen (shown under the chips, and saved). */
    until,
    offices,
    isCompanyAdmin,
    targets,
    toggleTarget,
    /** What a resident would see attached: the saved ones not removed, then those added. */
    attachments,
    existingAttachments: (notice?.attachments ?? []).filter((a) => !removed.includes(a.id)),
    photos,
    addPhotos,
    removeAttachment,
    reason,
    setReason,
    running: step.running,
    save: () => void step.run('save'),
    publish: () => void step.run('publish'),
    withdraw: () => void step.run('withdraw'),
  };
}
