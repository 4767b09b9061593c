import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="公告" description="小区和物业公司发布的通知将显示在这里。" />;
}
