/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';
declare module '*.scss';

/** Build-time constants from config/index.ts. */
declare const API_BASE: string;
declare const DEV_LOGIN: boolean;
declare const SIM_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}
