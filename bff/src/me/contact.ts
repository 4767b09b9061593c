/**
 * Who a resident calls when stuck (联系物业, docs/design.md §Contact): the community's 24-hour duty line and
 * office hours, and for communities in Shanghai the city's property-service hotline 962121 (上海市物业服务
 * 热线, run by the municipal housing administration), which takes complaints the office does not settle.
 */
export type CommunityContact = { dutyPhone: string | null; officeHours: string | null; cityHotline: string | null };

export const SHANGHAI_PROPERTY_HOTLINE = '962121';

export function communityContact(c: {
  address: string;
  dutyPhone: string | null;
  officeHours: string | null;
}): CommunityContact {
  return {
    dutyPhone: c.dutyPhone,
    officeHours: c.officeHours,
    cityHotline: /^\s*上海/.test(c.address) ? SHANGHAI_PROPERTY_HOTLINE : null,
  };
}
