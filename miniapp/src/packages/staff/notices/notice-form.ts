import type { NoticeCategory, StaffNoticeDetail, UploadView } from '../../../api/types';
import type { NoticeDraft } from '../../../features/notices/endpoints';
import type { Validity } from '../../../features/notices/notice-extras';
import { htmlToText, textToHtml } from '../../../features/notices/labels';

/** What the editor's fields hold: text as typed (paragraphs by line), the validity as chosen. */
export type NoticeForm = {
  title: string;
  text: string;
  category: NoticeCategory;
  pinned: boolean;
  contactName: string;
  contactPhone: string;
  /** `keep`: a notice that has an end keeps it unless another validity is chosen. */
  validity: Validity | 'keep';
  wholeCompany: boolean;
  targets: string[];
};

export const blankForm: NoticeForm = {
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

/** The fields of a saved notice. */
export const formOf = (n: StaffNoticeDetail): NoticeForm => ({
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

/**
 * What is sent to save the form. A published notice keeps the communities it went to; only a draft
 * may go to the whole company. `until` is the end the chosen validity gives (worked out by the caller,
 * from now). Empty contact fields are left out rather than sent blank.
 */
export function draftOf(
  form: NoticeForm,
  {
    notice,
    targets,
    until,
    photos,
    removed,
  }: {
    notice: StaffNoticeDetail | null | undefined;
    targets: string[];
    until: string | undefined;
    photos: UploadView[];
    removed: string[];
  },
): NoticeDraft {
  const status = notice?.status ?? 'DRAFT';
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
}
