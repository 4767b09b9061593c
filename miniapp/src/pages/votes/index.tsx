import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="投票" description="业主大会表决与业委会选举将在这里进行。" />;
}
