export default definePageConfig({ navigationBarTitleText: '授权手机号' });
