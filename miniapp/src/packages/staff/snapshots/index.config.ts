export default definePageConfig({ navigationBarTitleText: '随手拍处理', enablePullDownRefresh: true });
