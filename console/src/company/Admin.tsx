import { EmptyState } from '../states';

/** The place of the company's administration screens (importing whole communities: issue #27). */
export default function Admin() {
  return (
    <div className="wyt-page">
      <h1>小区管理</h1>
      <EmptyState text="即将上线：整批导入小区、楼栋、房屋和业主名册，以及公司员工和角色的管理。" />
    </div>
  );
}
