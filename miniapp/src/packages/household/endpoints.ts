import { api } from '../../session';
import type { Household } from '../../../../bff/src/api-types';

export type { Household };
export type HouseholdPerson = Household['pending'][number];
export type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/**
 * An owner of record's household (docs/roles.md, Households). Declared in the subpackage, not in
 * api/endpoints.ts: only this page calls them, so they stay out of the weapp main package.
 */
export const household = {
  get: (unitId: string) => api.get<Household>(`/api/units/${unitId}/household`),
  decide: (unitId: string, membershipId: string, d: Decision) =>
    api.post(`/api/units/${unitId}/household/${membershipId}/decision`, d),
  remove: (unitId: string, membershipId: string) =>
    api.post(`/api/units/${unitId}/household/${membershipId}/removal`, {}),
};
