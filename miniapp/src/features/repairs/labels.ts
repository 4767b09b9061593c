import type { RepairDetail } from '../../api/types';

type Status = RepairDetail['status'];
type Fault = RepairDetail['faultType'];

export const FAULT_LABELS: Record<Fault, string> = {
  WATER: '水',
  ELECTRIC: '电',
  DOOR_WINDOW: '门窗',
  PIPE: '管道',
  ELEVATOR: '电梯',
  PUBLIC_FACILITY: '公共设施',
  OTHER: '其他',
};
export const FAULTS = Object.keys(FAULT_LABELS) as Fault[];

export const STATUS_LABELS: Record<Status, string> = {
  SUBMITTED: '未接收',
  ACCEPTED: '已接收',
  ASSIGNED: '已派单',
  CONTACTED: '已联系',
  ARRIVED: '已到场',
  DEFERRED: '缓办',
  RESOLVED: '已处理',
  CLOSED: '已完结',
  RETURNED: '已退单',
  CANCELLED: '已撤销',
};
export const STATUS_TAG: Record<Status, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  SUBMITTED: 'warning',
  ACCEPTED: 'primary',
  ASSIGNED: 'primary',
  CONTACTED: 'primary',
  ARRIVED: 'primary',
  DEFERRED: 'warning',
  RESOLVED: 'success',
  CLOSED: 'default',
  RETURNED: 'danger',
  CANCELLED: 'default',
};

export const ACTION_LABELS: Record<string, string> = {
  file: '提交报修',
  accept: '物业接收',
  assign: '派单',
  contact: '联系住户',
  propose: '提议上门时间',
  'appointment-agreed': '同意上门时间',
  'appointment-declined': '不同意上门时间',
  arrive: '到场',
  resolve: '处理完成',
  rate: '评价',
  reopen: '不满意，重新处理',
  cancel: '撤销',
  return: '退单',
  extend: '延期',
  defer: '缓办',
  urgent: '加急',
};

export const RETURN_REASON_LABELS = {
  WRONG_INFORMATION: '信息有误，无法处理',
  OUT_OF_SCOPE: '不属于物业服务范围',
  SOLVED_BY_RESIDENT: '住户已自行解决',
} as const;
