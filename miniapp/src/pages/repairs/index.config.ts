export default definePageConfig({ navigationBarTitleText: '报修', enablePullDownRefresh: true });
