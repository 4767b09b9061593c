export default definePageConfig({ navigationBarTitleText: '选举管理' });
