import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="投票" description="投票详情" />;
}
