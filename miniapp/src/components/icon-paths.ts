/**
 * The glyphs of components/icon.tsx: 24 × 24 outline paths, drawn 2 px wide with round ends, one path
 * each. Kept apart from the component so plain code (roles.ts, tests) can name them without Taro.
 */
export const PATHS = {
  repair: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18v3h3l6.3-6.3a4 4 0 0 0 5.4-5.4l-2.6 2.6-2.4-.6-.6-2.4z',
  camera: 'M3 8h4l2-3h6l2 3h4v12H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  notice: 'M3 10v4h4l6 4V6l-6 4zM16.5 9a4 4 0 0 1 0 6M19 6.5a8 8 0 0 1 0 11',
  wallet: 'M3 6h15v3M3 6v14h18V9H3zM16 14.5h1',
  vote: 'M4 11h16v10H4zM8 11V4h8v7M9.5 7.5l2 2 3-3.5',
  list: 'M8 3h8v4H8zM6 5H4v16h16V5h-2M8 12h8M8 16h5',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4',
  home: 'M3 11l9-8 9 8M5 9v12h14V9M10 21v-6h4v6',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  calendar: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
  levels: 'M4 20v-4M9.3 20v-8M14.6 20V8M20 20V4',
  receipt: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  folder: 'M3 5h7l2 2h9v13H3z',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  success: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12l3 3 5-6',
  inbox: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
  compass: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM15.5 8.5l-2 5-5 2 2-5z',
  clip: 'M20 11l-8 8a5 5 0 0 1-7-7l8-8a3.5 3.5 0 0 1 5 5l-8 8a2 2 0 0 1-3-3l7-7',
  chart: 'M3 3v18h18M7 15l4-4 3 3 5-6',
} as const;

export type IconName = keyof typeof PATHS;
export const ICON_NAMES = Object.keys(PATHS) as IconName[];
