export default definePageConfig({ navigationBarTitleText: '投票', enablePullDownRefresh: true });
