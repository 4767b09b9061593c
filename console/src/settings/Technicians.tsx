import { Button, type PrimaryTableCol } from 'tdesign-react';
import type { Technician } from '../../../bff/src/api-types';
import { go } from '../route';
import type { ScreenProps } from '../shell/screens';
import { useTechnicians } from '../repairs/technicians';
import { DataTable, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

/** 维修工 (#26): who the office can assign here (company-wide ones too) and how many open jobs each has. */
export default function Technicians({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const techs = useTechnicians(communityId);
  const columns: PrimaryTableCol<Technician>[] = [
    { colKey: 'name', title: '姓名', sorter: true },
    { colKey: 'openJobs', title: '在办报修', width: 120, align: 'right', sorter: true },
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>维修工</h1>
      <div className="wyt-mgr__bar">
        <span className="wyt-mgr__grow" />
        <Button variant="outline" onClick={() => go('/repair-board')}>
          去派单看板
        </Button>
      </div>
      <DataTable<Technician>
        label="维修工列表"
        rowKey="id"
        columns={columns}
        rows={techs.items}
        whole
        loading={!techs.items && !techs.error}
        error={techs.error}
        retry={techs.reload}
        empty="本小区还没有维修工"
        url={url}
        unit="人"
      />
    </div>
  );
}
