import { ComingSoon } from '../../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="报修工单" description="签收、派单、处理与回访报修工单。" />;
}
