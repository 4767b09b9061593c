import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="缴费" description="物业费、停车费微信支付即将开通。" />;
}
