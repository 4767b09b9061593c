export default definePageConfig({ navigationBarTitleText: '表扬墙', enablePullDownRefresh: true });
