export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/dev-login/index',
    'pages/phone/index',
    'pages/bind/index',
    'pages/home/index',
    'pages/repairs/index',
    'pages/repairs/new',
    'pages/repairs/detail',
    'pages/snapshots/index',
    'pages/notices/index',
    'pages/notices/detail',
    'pages/fees/index',
    'pages/votes/index',
    'pages/votes/detail',
    'pages/not-found/index',
  ],
  // Staff, cashier and committee pages live in subpackages so residents never download them.
  subPackages: [
    { root: 'packages/staff', pages: ['repairs/index', 'overdue/index', 'snapshots/index', 'moderation/index', 'bind-requests/index', 'notices/index', 'notices/edit', 'desk-login/index'] },
    { root: 'packages/snapshots', pages: ['new', 'detail', 'wall'] },
    { root: 'packages/fees', pages: ['receipt'] },
    { root: 'packages/cashier', pages: ['desk/index', 'receipt/index', 'login/index'] },
    { root: 'packages/committee', pages: ['elections/index', 'elections/detail'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '物业通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
});
