import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * npm nests @tarojs/plugin-framework-react under miniapp/node_modules (its optional peer vite@4 clashes
 * with vitest's hoisted vite), where Taro's own hoisted packages cannot find it: let webpack look there.
 */
const ownModules = path.resolve(__dirname, '..', 'node_modules');
const webpackChain = (chain: { resolve: { modules: { add(p: string): unknown } } }) => {
  chain.resolve.modules.add('node_modules');
  chain.resolve.modules.add(ownModules);
};

/**
 * One code base, two targets: `--type weapp` writes dist/ (open it in WeChat DevTools),
 * `--type h5` writes dist-h5/ (a static site). Separate output roots so builds never clobber each other.
 */
export default defineConfig<'webpack5'>(async (): Promise<UserConfigExport<'webpack5'>> => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'wuyetong',
    date: '2026-11-23',
    // NutUI is drawn for a 375 px design, our own pages for 750 px.
    designWidth(input) {
      const file = typeof input === 'object' && input ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // `npm run dev` builds into its own folder so it never wipes the build the tests use.
    outputRoot: isH5 ? (process.env.WYT_H5_OUTPUT ?? 'dist-h5') : 'dist',
    plugins: [],
    defineConstants: {
      // Where the app finds the BFF. In H5 the default is the page's own origin (the dev server
      // proxies /api); a weapp build defaults to the local BFF for DevTools and must be given the
      // HTTPS URL of the deployed BFF for release.
      API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000')),
      // The development login (pick a demo user) exists only in builds made with this flag.
      DEV_LOGIN: JSON.stringify(process.env.TARO_APP_DEV_LOGIN === '1'),
      SIM_BASE: JSON.stringify(process.env.TARO_APP_SIM_BASE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      optimizeMainPackage: { enable: true },
      webpackChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain,
      // `npm run dev` serves the H5 build here and forwards the API (and the simulator, for the
      // development login) so the browser app talks to a single origin.
      devServer: {
        host: '127.0.0.1',
        port: Number(process.env.H5_PORT ?? 10086),
        open: false,
        hot: false, // fast refresh would need one more plugin; a full reload is enough here
        proxy: [
          ...(process.env.WYT_BFF_URL
            ? [{ context: ['/api', '/files', '/healthz'], target: process.env.WYT_BFF_URL }]
            : []),
          ...(process.env.WYT_SIM_URL ? [{ context: ['/sim'], target: process.env.WYT_SIM_URL }] : []),
        ],
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return config;
});
