import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="随手拍" description="表扬、建议或问题，拍照即可反馈给物业。" />;
}
