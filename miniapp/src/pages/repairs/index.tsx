import { ComingSoon } from '../../components/coming-soon';

export default function Page() {
  return <ComingSoon title="报修" description="在线提交报修、上传照片、跟踪进度并评价，将在下一版本开放。" />;
}
