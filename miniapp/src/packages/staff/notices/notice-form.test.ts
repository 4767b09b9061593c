import { describe, expect, it } from 'vitest';
import type { StaffNoticeDetail } from '../../../api/types';
import { blankForm, draftOf, formOf } from './notice-form';

const saved = (over: Partial<StaffNoticeDetail>) =>
  ({
    id: 'n1',
    title: '停水通知',
    body: '<p>明日停水</p><p>请储水</p>',
    category: 'OUTAGE',
    pinned: true,
    contactName: null,
    contactPhone: '021-1234',
    effectiveUntil: '2026-12-09T06:30:00.000Z',
    communityIds: ['c1', 'c2'],
    status: 'DRAFT',
    ...over,
  }) as StaffNoticeDetail;
const none = { photos: [], removed: [] };

describe('the notice form', () => {
  it('reads a saved notice into fields, keeping its end unless another is chosen', () => {
    expect(formOf(saved({}))).toEqual({
      title: '停水通知',
      text: '明日停水\n请储水',
      category: 'OUTAGE',
      pinned: true,
      contactName: '',
      contactPhone: '021-1234',
      validity: 'keep',
      wholeCompany: false,
      targets: ['c1', 'c2'],
    });
    expect(formOf(saved({ effectiveUntil: null })).validity).toBe('none');
  });

  it('sends trimmed text as paragraphs, and leaves out empty contacts and a missing end', () => {
    const form = { ...blankForm, title: ' 停电 ', text: '今晚停电\n注意安全', contactName: '  ' };
    expect(draftOf(form, { notice: null, targets: ['c1'], until: undefined, ...none })).toEqual({
      title: '停电',
      body: '<p>今晚停电</p><p>注意安全</p>',
      category: 'GENERAL',
      communityIds: ['c1'],
      pinned: false,
      uploadIds: [],
      removeUploadIds: [],
    });
  });

  it('keeps a published notice where it went; only a draft may go to the whole company', () => {
    const form = { ...blankForm, title: 't', text: 'x', wholeCompany: true };
    const published = saved({ status: 'PUBLISHED' });
    expect(draftOf(form, { notice: published, targets: ['c9'], until: undefined, ...none })).toMatchObject({
      communityIds: ['c1', 'c2'],
    });
    expect(draftOf(form, { notice: published, targets: ['c9'], until: undefined, ...none })).not.toHaveProperty(
      'allCommunities',
    );
    expect(draftOf(form, { notice: saved({}), targets: ['c9'], until: undefined, ...none })).toMatchObject({
      allCommunities: true,
      communityIds: [],
    });
  });

  it('carries the end, the uploads added and those removed', () => {
    const draft = draftOf(
      { ...blankForm, title: 't', text: 'x' },
      {
        notice: null,
        targets: ['c1'],
        until: '2026-12-09T06:30:00.000Z',
        photos: [{ id: 'u2' }] as never,
        removed: ['u1'],
      },
    );
    expect(draft).toMatchObject({
      effectiveUntil: '2026-12-09T06:30:00.000Z',
      uploadIds: ['u2'],
      removeUploadIds: ['u1'],
    });
  });
});
