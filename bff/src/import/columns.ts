/**
 * The import workbook (docs/import.md): one sheet per kind of record, Chinese headers in row 1, one
 * record per row from row 2. The template (template.ts) and the reader (read-file.ts) both come
 * from this table, so they cannot disagree.
 */
export type Column = { header: string; required: boolean; note: string; sample: string | number };
export type SheetSpec = { name: SheetName; columns: Column[] };
export type SheetName = '房屋' | '业主' | '车位' | '期初欠费';

const col = (header: string, required: boolean, note: string, sample: string | number): Column => ({
  header,
  required,
  note,
  sample,
});

export const AREA_SOURCES = { 产权登记: 'REGISTERED', 测绘报告: 'SURVEYED', 购房合同: 'CONTRACT' } as const;
export const OWNER_RELATIONS = { 业主: 'OWNER', 共有人: 'CO_OWNER' } as const;
export const PARKING_KINDS = { 产权: 'OWNED', 租赁: 'RENTED' } as const;

export const SHEETS: SheetSpec[] = [
  {
    name: '房屋',
    columns: [
      col('楼栋', true, '楼栋名称，如「3号楼」；不存在的楼栋会新建', '示例：1号楼'),
      col('楼栋类型', false, '高层、多层、别墅、商铺…（收费标准可按类型区分）；留空不改', '高层'),
      col('房号', true, '楼栋内的房号，如「1201」', '1201'),
      col('楼层', true, '整数，地下层写负数', 12),
      col('建筑面积', true, '平方米，最多两位小数', 89.56),
      col('专有面积', true, '专有部分面积（表决计算用），平方米，最多两位小数，不大于建筑面积', 72.3),
      col('面积来源', false, '产权登记、测绘报告或购房合同；新房屋留空为产权登记，已有房屋留空不改', '产权登记'),
      col('交付日期', false, '如 2024-06-30；开发商尚未交付的留空', '2024-06-30'),
    ],
  },
  {
    name: '业主',
    columns: [
      col('楼栋', true, '与「房屋」表或系统中已有的楼栋一致', '示例：1号楼'),
      col('房号', true, '与「房屋」表或系统中已有的房号一致', '1201'),
      col('姓名', true, '产权登记上的姓名', '张三'),
      col('手机号', true, '不带「+」前缀的视为中国大陆号码；境外号码写 +852… 等', '13912345678'),
      col('身份', false, '业主或共有人；留空为业主', '业主'),
      col(
        '过户日期',
        false,
        '房屋卖给了新业主时填写，如 2026-10-01：该房屋的各行写新业主并填同一日期，导入时按过户登记（原业主的绑定结束，此日期前的账单归原业主）；不是过户留空',
        '',
      ),
    ],
  },
  {
    name: '车位',
    columns: [
      col('车位号', true, '小区内唯一', '示例：B1-001'),
      col('类型', false, '产权或租赁', '产权'),
      col('面积', false, '平方米，最多两位小数', 12.5),
      col('楼栋', false, '车位所属房屋的楼栋（与房号同时填写）', '1号楼'),
      col('房号', false, '车位所属房屋的房号', '1201'),
    ],
  },
  {
    name: '期初欠费',
    columns: [
      col('楼栋', true, '欠费房屋的楼栋', '示例：1号楼'),
      col('房号', true, '欠费房屋的房号', '1201'),
      col('收费项目', true, '与系统中该小区的收费项目名称一致', '物业服务费'),
      col('账期', true, '2026-05（月）、2026-Q2（季）或 2026（年）', '2026-05'),
      col('金额', true, '元，最多两位小数', 210.47),
    ],
  },
];

/** The notes sheet: read by people, skipped by the reader. */
export const NOTES_SHEET = '说明';
/** A row whose first cell starts with this is the template's sample and is not imported. */
export const SAMPLE_PREFIX = '示例';

export const sheetSpec = (name: string): SheetSpec | undefined => SHEETS.find((s) => s.name === name);
