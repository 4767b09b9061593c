import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { SurveyListPage } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { useKeysetList } from '../lib/keyset-pages';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyResultsView } from './SurveyResults';
import { permille } from './labels';
import '../lib/screen.css';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import './voice.css';

type Row = SurveyListPage['items'][number];
const STATE: Record<Row['state'], { label: string; theme: 'default' | 'success' | 'primary' }> = {
  SCHEDULED: { label: '未开始', theme: 'default' },
  OPEN: { label: '进行中', theme: 'primary' },
  CLOSED: { label: '已结束', theme: 'primary' },
};

/**
 * 满意度调查 (#31): the community's surveys with their window and live coverage (keyset pages with the
 * total, GET …/surveys); `?new=1` builds and publishes one, `?id=` shows its results.
 */
export default function Surveys({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const id = url.get('id');
  const list = useKeysetList<Row>(`/api/staff/communities/${communityId}/surveys`, url.page, url.size);
  if (url.get('new'))
    return (
      <SurveyBuilder
        communityId={communityId}
        onCancel={() => url.set({ new: undefined })}
        onPublished={(sid) => {
          list.reload();
          url.set({ new: undefined, id: sid });
        }}
      />
    );
  if (id)
    return (
      <SurveyResultsView
        id={id}
        onBack={() => {
          list.reload(); // the coverage has moved since the list was read
          url.set({ id: undefined });
        }}
      />
    );

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'title', title: '问卷', ellipsis: true, sorter: true },
    {
      colKey: 'state',
      title: '状态',
      width: 90,
      cell: ({ row }) => (
        <Tag theme={STATE[row.state].theme} variant="light">
          {STATE[row.state].label}
        </Tag>
      ),
    },
    {
      colKey: 'target',
      title: '范围',
      width: 110,
      cell: ({ row }) => (row.buildingCount ? `${row.buildingCount} 栋楼` : '全小区'),
    },
    {
      colKey: 'window',
      title: '答题时间',
      width: 320,
      cell: ({ row }) => `${beijingTime(row.opensAt)} 至 ${beijingTime(row.closesAt)}`,
    },
    {
      colKey: 'coveragePermille',
      title: '覆盖率',
      width: 170,
      sorter: true,
      cell: ({ row }) => `${permille(row.coveragePermille)}（${row.answeredUnits}/${row.targetedUnits} 户）`,
    },
    openColumn<Row>('结果', (row) => url.set({ id: row.id })),
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>满意度调查</h1>
      <div className="wyt-mgr__bar">
        <span className="wyt-mgr__grow" />
        <Button theme="primary" onClick={() => url.set({ new: '1' })}>
          新建问卷
        </Button>
      </div>
      <DataTable<Row> label="问卷列表" rowKey="id" columns={columns} {...list.table} empty="还没有问卷" url={url} />
    </div>
  );
}
