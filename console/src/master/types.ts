import type { Wire } from '../../../bff/src/http/wire';
import type { listBuildings } from '../../../bff/src/master/buildings';
import type { listMasterCommunities } from '../../../bff/src/master/communities';
import type { listParking } from '../../../bff/src/master/parking';
import type { listUnits } from '../../../bff/src/master/units';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's arguments
type Answer<F extends (...args: any[]) => Promise<unknown>> = Wire<Awaited<ReturnType<F>>>;

/** The BFF's master-data answers (bff/src/master/), as the console receives them. */
export type Communities = Answer<typeof listMasterCommunities>;
export type CommunityRow = Communities['items'][number];
export type BuildingRow = Answer<typeof listBuildings>['items'][number];
export type UnitRow = Answer<typeof listUnits>['items'][number];
export type ParkingRow = Answer<typeof listParking>['items'][number];

export const AREA_SOURCES = [
  { value: 'REGISTERED', label: '产权登记' },
  { value: 'SURVEYED', label: '测绘报告' },
  { value: 'CONTRACT', label: '购房合同' },
];
export const SOURCE_LABEL: Record<string, string> = Object.fromEntries(AREA_SOURCES.map((s) => [s.value, s.label]));
export const PARKING_KINDS = [
  { value: 'OWNED', label: '产权车位' },
  { value: 'RENTED', label: '租赁车位' },
];
export const KIND_LABEL: Record<string, string> = Object.fromEntries(PARKING_KINDS.map((s) => [s.value, s.label]));
export const BUILDING_TYPES = ['住宅', '高层', '多层', '别墅', '商铺', '办公', '车库'];
