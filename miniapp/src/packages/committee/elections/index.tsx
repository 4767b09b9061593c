import { ComingSoon } from '../../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="选举管理" description="发起业委会选举并统计结果。" />;
}
