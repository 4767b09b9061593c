export default definePageConfig({ navigationBarTitleText: '超时报修', enablePullDownRefresh: true });
