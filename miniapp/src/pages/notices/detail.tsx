import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { NoticeBody } from '../../features/notices/notice-body';

/** One notice. Opening it is the read receipt the office sees. */
export default function NoticeDetail() {
  const { params } = useRouter();
  const notice = useRequest(() => bff.notice(params.id ?? ''), [params.id]);
  if (!params.id) return <PageShell error={new Error('缺少公告编号，请从公告列表进入')} />;
  return <PageShell request={notice}>{notice.data && <NoticeBody notice={notice.data} />}</PageShell>;
}
