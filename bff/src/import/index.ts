import type { Module } from '../module.js';
import { IMPORT_PATH, importRoutes } from './routes.js';

/** Master data from a workbook: dry run first, then apply (issue 27, docs/import.md). */
export const importModule: Module = { name: 'import', routes: importRoutes, multipartPaths: [IMPORT_PATH] };
