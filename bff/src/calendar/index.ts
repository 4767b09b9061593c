import type { Module } from '../module.js';
import { calendarRoutes } from './routes.js';

/** 工作日历: statutory holidays from chinese-days with each company's corrections (repair clocks use it). */
export const calendarModule: Module = { name: 'calendar', routes: calendarRoutes };
