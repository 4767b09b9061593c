import { ComingSoon } from '../../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="收银台" description="生成账单、柜台收款、退款与对账。" />;
}
