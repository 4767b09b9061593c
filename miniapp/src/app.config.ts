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
    'pages/not-found/index',
    'pages/me/index',
    'pages/contact/index',
  ],
  // Staff, cashier and committee pages live in subpackages so residents never download them (an owner's
  // ballot is the exception, below).
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'repairs/index',
        'overdue/index',
        'snapshots/index',
        'moderation/index',
        'bind-requests/index',
        'notices/index',
        'notices/edit',
        'desk-login/index',
        'work-calendar/index',
        'escalation/index',
        'invitation/index',
        'on-behalf/index',
        'stats/index',
        // 投诉处理 and 回访 on the phone (#31)
        'complaints/index',
        'complaints/detail',
        'return-visits/index',
      ],
    },
    { root: 'packages/snapshots', pages: ['new', 'detail', 'wall'] },
    { root: 'packages/fees', pages: ['receipt'] },
    { root: 'packages/cashier', pages: ['desk/index', 'receipt/index', 'login/index'] },
    // An owner's ballot (votes/detail) shares the election results and charts with the committee's pages, so it
    // lives with them rather than keep them all in the main package (docs/design.md §Main package size).
    { root: 'packages/committee', pages: ['elections/index', 'elections/detail', 'votes/detail'] },
    // 投诉与建议, 问卷调查 (issue #31): residents open them from the home page or 我的.
    {
      root: 'packages/voice',
      pages: ['complaints/index', 'complaints/new', 'complaints/detail', 'surveys/index', 'surveys/detail'],
    },
    // 家庭成员与租户 (issue 27): an owner of record opens it from 我的.
    { root: 'packages/household', pages: ['index'] },
  ],
  // H5 only: no sliding page transitions (docs/design.md §Page transitions). Taro's router hides the page it
  // leaves on a timer that a back within the animation does not cancel, so a quick back left the home hidden.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '物业通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
});
