import type { BadInputCases } from './types.js';

/** Bad input for master data at the desk (tests/bad-input.test.ts runs every module's). */
export const masterCases: BadInputCases = ({ uuid, site }) => {
  const c = site.community.id;
  const b = site.building.id;
  const m = '/api/staff/master';
  const unit = {
    buildingId: b,
    number: '101',
    floor: 1,
    buildingArea: '90.00',
    exclusiveArea: '80.00',
    areaSource: 'REGISTERED',
  };
  return {
    'GET /api/staff/master/communities': [{ path: `${m}/communities?x=1` }],
    'POST /api/staff/master/communities': [
      { path: `${m}/communities`, body: {} },
      {
        path: `${m}/communities`,
        body: { companyId: site.companyId, name: '甲', address: '路', totalBuildingArea: 12.5 },
      },
      {
        path: `${m}/communities`,
        body: { companyId: site.companyId, name: '甲', address: '路', totalBuildingArea: '1.234' },
      },
      { path: `${m}/communities`, body: { companyId: site.companyId, name: '甲', address: '路', x: 1 } },
      { path: `${m}/communities`, body: { companyId: site.companyId, name: '甲', address: '路' }, expect: 404 },
    ],
    'PATCH /api/staff/master/communities/:id': [
      { path: `${m}/communities/nope`, body: {} },
      { path: `${m}/communities/${c}`, body: { name: '' } },
      { path: `${m}/communities/${c}`, body: { name: '乙' }, expect: 404 },
    ],
    'POST /api/staff/master/communities/:id/retire': [
      { path: `${m}/communities/nope/retire`, body: { reason: '合同到期' } },
      { path: `${m}/communities/${c}/retire`, body: {} },
      { path: `${m}/communities/${c}/retire`, body: { reason: '合同到期', x: 1 } },
      { path: `${m}/communities/${c}/retire`, body: { reason: '合同到期' }, expect: 404 },
    ],
    'GET /api/staff/master/buildings': [
      { path: `${m}/buildings` },
      { path: `${m}/buildings?communityId=${c}&state=gone` },
      { path: `${m}/buildings?communityId=${c}&limit=1000` },
      { path: `${m}/buildings?communityId=${c}`, expect: 404 },
    ],
    'POST /api/staff/master/buildings': [
      { path: `${m}/buildings`, body: { communityId: c } },
      { path: `${m}/buildings`, body: { communityId: c, name: '2号楼', floors: 0 } },
      { path: `${m}/buildings`, body: { communityId: c, name: '2号楼', floors: '6' } },
      { path: `${m}/buildings`, body: { communityId: c, name: '2号楼' }, expect: 404 },
    ],
    'PATCH /api/staff/master/buildings/:id': [
      { path: `${m}/buildings/nope`, body: {} },
      { path: `${m}/buildings/${b}`, body: { floors: 1.5 } },
      { path: `${m}/buildings/${b}`, body: { name: '甲' }, expect: 404 },
    ],
    'POST /api/staff/master/buildings/:id/retire': [
      { path: `${m}/buildings/nope/retire`, body: { reason: '拆除重建' } },
      { path: `${m}/buildings/${b}/retire`, body: {} },
      { path: `${m}/buildings/${b}/retire`, body: { reason: '拆除重建' }, expect: 404 },
    ],
    'GET /api/staff/master/units': [
      { path: `${m}/units` },
      { path: `${m}/units?communityId=${c}&buildingId=nope` },
      { path: `${m}/units?communityId=${c}&cursor=nope`, expect: 404 },
    ],
    'POST /api/staff/master/units': [
      { path: `${m}/units`, body: { ...unit, buildingArea: 90 } },
      { path: `${m}/units`, body: { ...unit, exclusiveArea: '95.00' } },
      { path: `${m}/units`, body: { ...unit, areaSource: 'GUESS' } },
      { path: `${m}/units`, body: { ...unit, deliveredAt: '2026-13-01' } },
      { path: `${m}/units`, body: { ...unit, buildingArea: '0' } },
      // Text that is no number never reaches the decimal comparison of the two areas (it threw: a 500).
      { path: `${m}/units`, body: { ...unit, exclusiveArea: 'abc' } },
      { path: `${m}/units`, body: unit, expect: 404 },
    ],
    'PATCH /api/staff/master/units/:id': [
      { path: `${m}/units/nope`, body: {} },
      { path: `${m}/units/${uuid}`, body: { buildingArea: '90.001', reason: '测绘报告更正' } },
      { path: `${m}/units/${uuid}`, body: { buildingArea: '90.00', reason: '改' } },
      { path: `${m}/units/${uuid}`, body: { buildingArea: '90.00', reason: '测绘报告更正' }, expect: 404 },
    ],
    'POST /api/staff/master/units/:id/retire': [
      { path: `${m}/units/nope/retire`, body: { reason: '合并房屋' } },
      { path: `${m}/units/${uuid}/retire`, body: { reason: '\u200b\u200b' } },
      { path: `${m}/units/${uuid}/retire`, body: { reason: '合并房屋' }, expect: 404 },
    ],
    'GET /api/staff/master/parking': [
      { path: `${m}/parking` },
      { path: `${m}/parking?communityId=${c}&x=1` },
      { path: `${m}/parking?communityId=${c}`, expect: 404 },
    ],
    'POST /api/staff/master/parking': [
      { path: `${m}/parking`, body: { communityId: c, number: 'A-1', kind: 'SHARED' } },
      { path: `${m}/parking`, body: { communityId: c, number: 'A-1', unitId: 'nope' } },
      { path: `${m}/parking`, body: { communityId: c, number: 'A-1' }, expect: 404 },
    ],
    'PATCH /api/staff/master/parking/:id': [
      { path: `${m}/parking/nope`, body: {} },
      { path: `${m}/parking/${uuid}`, body: { area: -3 } },
      { path: `${m}/parking/${uuid}`, body: { kind: 'RENTED' }, expect: 404 },
    ],
    'POST /api/staff/master/parking/:id/retire': [
      { path: `${m}/parking/nope/retire`, body: { reason: '改为通道' } },
      { path: `${m}/parking/${uuid}/retire`, body: { reason: '改为通道', x: 1 } },
      { path: `${m}/parking/${uuid}/retire`, body: { reason: '改为通道' }, expect: 404 },
    ],
  };
};
