import { ComingSoon } from '../../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="公告管理" description="创建、保存并发布小区公告。" />;
}
