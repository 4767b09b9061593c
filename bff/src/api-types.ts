/**
 * The BFF's answers as clients receive them, for the mini-program to import type-only
 * (`import type … from '@bff/api-types'`). Derived from the services themselves: change a service's
 * answer and the mini-program's typecheck sees it.
 */
import type { Wire } from './http/wire.js';
import type { login } from './auth/login.js';
import type { bindPhone } from './auth/bind-phone.js';
import type { getMe } from './me/get-me.js';
import type { listBuildings, listCommunities, listUnits } from './units/directory.js';
import type { BindRequestView } from './units/shape.js';
import type { listBindRequestQueue } from './units/list-bind-request-queue.js';
import type { listUnitMembers } from './units/members.js';
import type { viewUpload } from './uploads/view.js';

type Answer<F extends (...args: any[]) => Promise<unknown>> = Wire<Awaited<ReturnType<F>>>;

export type LoginResult = Answer<typeof login>;
export type PhoneResult = Answer<typeof bindPhone>;
export type Me = Answer<typeof getMe>;
export type Community = Answer<typeof listCommunities>[number];
export type Building = Answer<typeof listBuildings>[number];
export type UnitSummary = Answer<typeof listUnits>[number];
export type BindRequest = Wire<BindRequestView>;
export type BindRequestQueuePage = Answer<typeof listBindRequestQueue>;
export type StaffBindRequest = BindRequestQueuePage['items'][number];
export type UnitMember = Answer<typeof listUnitMembers>[number];
export type UploadView = Answer<typeof viewUpload>;
export type Relation = BindRequest['relation'];
export type MembershipStatus = BindRequest['status'];
export type StaffRole = Me['staff'][number]['roles'][number];
