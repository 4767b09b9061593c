/** The phone's labels for repairs, 随手拍 and notices: one wording on both (miniapp/src/features). */
export { ACTION_LABELS, FAULT_LABELS, STATUS_LABELS, STATUS_TAG } from '../../../miniapp/src/features/repairs/labels';
export {
  KIND_LABELS as SNAPSHOT_KIND_LABELS,
  STATUS_LABELS as SNAPSHOT_STATUS_LABELS,
} from '../../../miniapp/src/features/snapshots/labels';
export {
  CATEGORY_LABELS,
  NOTICE_STATUS_LABELS,
  textToHtml,
  htmlToText,
} from '../../../miniapp/src/features/notices/labels';
