export default definePageConfig({ navigationBarTitleText: '收银台登录确认' });
