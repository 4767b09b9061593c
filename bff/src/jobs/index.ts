import type { Module } from '../module.js';
import { jobRoutes } from './routes.js';
import { noopJob, probeJob } from './probe.js';

/** The platform's own jobs (queue probes) and the failed-jobs list. */
export const jobsModule: Module = { name: 'jobs', routes: jobRoutes, jobs: [noopJob, probeJob] };
