import type { Module } from '../module.js';
import { invitationRoutes } from './routes.js';

/** Invitations into a role, accepted on the invitee's phone (issue 27, docs/import.md). */
export const invitationsModule: Module = { name: 'invitations', routes: invitationRoutes };
