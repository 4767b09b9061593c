import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import { api } from '../api';
import { useLoad } from '../lib/use-load';
import { Pick } from './Pick';
import type { SurveyTemplateList } from '../../../bff/src/api-types';
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

/** Whose surveys a screen shows: the office's (`/api/staff/…`) or the committee's own (`/api/committee/…`). */
export type SurveySide = 'staff' | 'committee';
const NO_TEMPLATES: SurveyTemplateList = { items: [] };

/**
 * 满意度调查 (#31): the community's surveys with their window and live coverage (keyset pages with the
 * total, GET …/surveys); `?new=1` builds and publishes one, `?id=` shows its results.
 */
export default function Surveys(props: ScreenProps) {
  return <SurveysScreen {...props} side="staff" />;
}

/**
 * The survey list, builder and results for one side. The committee (意见征询, docs/domain.md §8) lists,
 * publishes and reads its own surveys through `/api/committee/…`; it has no company templates, so neither
 * 从模板新建 nor 存为公司模板 is offered to it.
 */
export function SurveysScreen({ communityId, route, me, side }: ScreenProps & { side: SurveySide }) {
  const url = useUrlTable(route);
  const id = url.get('id');
  const office = side === 'staff';
  const list = useKeysetList<Row>(`/api/${side}/communities/${communityId}/surveys`, url.page, url.size);
  // The company's templates (the half-yearly survey, docs/domain.md §8): 从模板新建 fills the builder.
  const tpl = `/api/staff/communities/${communityId}/survey-templates`;
  const templates = useLoad(
    () => (office ? api.get<SurveyTemplateList>(tpl) : Promise.resolve(NO_TEMPLATES)),
    office ? tpl : side,
  );
  const admin = office && me.staff.some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const template = templates.data?.items.find((t) => t.id === url.get('template'));
  if (url.get('new'))
    return (
      <SurveyBuilder
        key={template?.id ?? 'blank'}
        template={template}
        communityId={communityId}
        side={side}
        onCancel={() => url.set({ new: undefined, template: undefined })}
        onPublished={(sid) => {
          list.reload();
          url.set({ new: undefined, template: undefined, id: sid });
        }}
      />
    );
  if (id)
    return (
      <SurveyResultsView
        id={id}
        side={side}
        canSaveTemplate={admin && !list.table.rows?.find((r) => r.id === id)?.byCommittee}
        onTemplateSaved={() => void templates.reload()}
        onBack={() => {
          list.reload(); // the coverage has moved since the list was read
          url.set({ id: undefined });
        }}
      />
    );

  const columns: PrimaryTableCol<Row>[] = [
    {
      colKey: 'title',
      title: '问卷',
      ellipsis: true,
      sorter: true,
      cell: ({ row }) => (
        <>
          {row.title}{' '}
          {office && row.byCommittee && (
            <Tag variant="outline" theme="warning">
              业委会征询
            </Tag>
          )}
        </>
      ),
    },
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
      <h1>{office ? '满意度调查' : '意见征询'}</h1>
      <div className="wyt-mgr__bar">
        <span className="wyt-mgr__grow" />
        {(templates.data?.items.length ?? 0) > 0 && (
          <Pick
            label="从模板新建"
            placeholder="从模板新建"
            value={undefined}
            onChange={(v) => url.set({ new: '1', template: String(v) })}
            options={templates.data!.items.map((t) => ({ value: t.id, label: t.title }))}
            style={{ width: 220 }}
          />
        )}
        <Button theme="primary" onClick={() => url.set({ new: '1' })}>
          新建问卷
        </Button>
      </div>
      <DataTable<Row> label="问卷列表" rowKey="id" columns={columns} {...list.table} empty="还没有问卷" url={url} />
    </div>
  );
}
