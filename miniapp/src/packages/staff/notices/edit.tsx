import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup, Input, Switch, TextArea } from '../../../ui';
import { CATEGORIES, CATEGORY_LABELS, NOTICE_STATUS_LABELS, textToHtml } from '../../../features/notices/labels';
import { NoticeBody } from '../../../features/notices/notice-body';
import { UnreadUnits } from '../../../features/notices/unread-units';
import { Attachments } from '../../../features/uploads/attachments';
import { NoticePushes, VALIDITY, ValidityNote } from '../../../features/notices/notice-extras';
import { useNoticeEditor } from './use-notice-editor';
import '../../../features/notices/notice.css';
import { inputLabel } from '../../../components/a11y';
import { CheckGroup } from '../../../components/check-group';

/** The company-wide choice among the communities a notice reaches (not a community's id). */
const WHOLE_COMPANY = 'company';

/** Write, preview as a resident sees it, save, publish or withdraw a notice; its read rate once published. */
export default function EditNotice() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const editor = useNoticeEditor(communityId, params.id);
  const { form, set, notice, status, editable } = editor;
  const [preview, setPreview] = useState(false);

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从公告管理进入')} />;
  return (
    <PageShell request={editor.id ? editor.existing : undefined}>
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
      <ChoiceGroup
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
            attachments: editor.attachments,
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
              {...inputLabel('标题')}
              data-testid="notice-title"
            />
          </CellGroup>
          <CellGroup title="类别">
            <ChoiceGroup
              options={CATEGORIES.filter((c) => c !== 'COMMITTEE').map((c) => ({
                value: c,
                label: CATEGORY_LABELS[c],
              }))}
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
            existing={editor.existingAttachments}
            added={editor.photos}
            onAdd={editor.addPhotos}
            onRemove={editor.removeAttachment}
            disabled={!editable}
          />
          <CellGroup title="有效期">
            <ChoiceGroup
              options={[
                ...(notice?.effectiveUntil ? [{ value: 'keep' as const, label: '保持原有效期' }] : []),
                ...VALIDITY.map((v) => ({ value: v.value, label: v.label })),
              ]}
              value={form.validity}
              onChange={(v) => v && set('validity')(v)}
            />
            <ValidityNote until={editor.until} />
          </CellGroup>
          {status === 'DRAFT' && (editor.offices.length > 1 || editor.isCompanyAdmin) && (
            <CellGroup title="发布范围（可多选）">
              <CheckGroup
                testId="notice-targets"
                label="发布范围"
                options={[
                  ...editor.offices.map((c) => ({ value: c.id, label: c.name })),
                  ...(editor.isCompanyAdmin ? [{ value: WHOLE_COMPANY, label: '公司所有小区' }] : []),
                ]}
                chosen={form.wholeCompany ? [WHOLE_COMPANY] : editor.targets}
                onToggle={(v) =>
                  v === WHOLE_COMPANY ? set('wholeCompany')(!form.wholeCompany) : editor.toggleTarget(v)
                }
              />
            </CellGroup>
          )}
          <CellGroup title="联系人与置顶">
            <Input
              {...inputLabel('联系人')}
              placeholder="联系人（选填）"
              value={form.contactName}
              onChange={set('contactName')}
              disabled={!editable}
            />
            <Input
              {...inputLabel('联系电话')}
              placeholder="联系电话（选填）"
              value={form.contactPhone}
              onChange={set('contactPhone')}
              disabled={!editable}
            />
            <Cell
              title="置顶"
              extra={<Switch checked={form.pinned} onChange={set('pinned')} disabled={!editable} aria-label="置顶" />}
            />
          </CellGroup>
        </View>
      )}
      {editable && (
        <View className="actions">
          <Button size="large" disabled={editor.running} onClick={editor.save}>
            {status === 'PUBLISHED' ? '保存修改' : '保存草稿'}
          </Button>
          {status === 'DRAFT' && (
            <Button type="primary" size="large" disabled={editor.running} onClick={editor.publish}>
              发布
            </Button>
          )}
        </View>
      )}
      {status === 'PUBLISHED' &&
        (editor.reason === null ? (
          <View className="actions">
            <Button type="danger" fill="outline" onClick={() => editor.setReason('')}>
              撤回公告
            </Button>
          </View>
        ) : (
          <CellGroup title="撤回原因（住户将看不到这条公告）">
            <Input
              {...inputLabel('撤回原因')}
              placeholder="例如：时间有变，将重新发布"
              value={editor.reason}
              onChange={editor.setReason}
            />
            <View className="actions">
              <Button type="danger" disabled={editor.running} onClick={editor.withdraw}>
                确认撤回
              </Button>
              <Button fill="outline" onClick={() => editor.setReason(null)}>
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
