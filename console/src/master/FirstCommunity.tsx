import { useState } from 'react';
import { Button } from 'tdesign-react';
import { api } from '../api';
import { useLoad } from '../lib/use-load';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { CommunityDrawer } from './CommunityDrawer';
import type { Communities } from './types';

/**
 * A desk with no community yet (docs/master-data.md, The first community): a new company's admin, just
 * created by `npm run admin -- create-company`, starts here by creating its first community; anyone else
 * is told the desk has nothing for them.
 */
export default function FirstCommunity({ onCreated }: { onCreated: () => void }) {
  const list = useLoad(() => api.get<Communities>('/api/staff/master/communities'), 'first-community');
  const [open, setOpen] = useState(false);
  if (list.error) return <ErrorState error={list.error} retry={() => void list.reload()} />;
  if (!list.data) return <LoadingState />;
  if (list.data.companies.length === 0)
    return <EmptyState text="您在这个小区的角色暂无办公台功能，请在手机微信中使用。" />;
  return (
    <section className="wyt-state" aria-labelledby="first-community">
      <h1 id="first-community">欢迎使用物业通</h1>
      <p>公司还没有小区。先新建第一个小区，再导入它的楼栋、房屋和业主。</p>
      <Button theme="primary" onClick={() => setOpen(true)}>
        新建小区
      </Button>
      {open && (
        <CommunityDrawer
          companies={list.data.companies}
          onClose={(saved) => {
            setOpen(false);
            if (saved) onCreated();
          }}
        />
      )}
    </section>
  );
}
